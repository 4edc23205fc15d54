/// Moving rows of text codes, each width in a loop of its own.
extension TextCodes {
    /// The codes of the rows picked by `rows`, in that order, at the same width.
    func gathered(_ rows: [UInt32]) -> TextCodes {
        switch storage {
        case .bytes(let codes): TextCodes(padded: Self.gathered(codes, rows), count: rows.count)
        case .halves(let codes): TextCodes(padded: Self.gathered(codes, rows), count: rows.count)
        case .words(let codes):
            // A column of ids read in file order has codes 0, 1, 2, …: gathered, they are `rows` themselves.
            codes.count == rows.count && Self.isCounting(codes)
                ? TextCodes(padded: rows, count: rows.count) : TextCodes(padded: Self.gathered(codes, rows), count: rows.count)
        }
    }

    /// Whether code `i` is `i` in every row.
    private static func isCounting(_ codes: [UInt32]) -> Bool {
        codes.withUnsafeBufferPointer { codes in
            var row: UInt32 = 0
            for code in codes {
                if code != row { return false }
                row &+= 1
            }
            return true
        }
    }

    private static func gathered<Unit: TextCodeUnit>(_ codes: [Unit], _ rows: [UInt32]) -> [Unit] {
        codes.withUnsafeBufferPointer { codes in
            rows.withUnsafeBufferPointer { rows in
                [Unit](unsafeUninitializedCapacity: rows.count + Unit.padding) { buffer, initialized in
                    ParallelGather.gather(codes, rows, into: buffer)
                    for index in rows.count..<rows.count + Unit.padding { buffer[index] = 0 }
                    initialized = rows.count + Unit.padding
                }
            }
        }
    }

    /// See `Table.reorder(runs:sources:)`.
    mutating func reorder(runs: [Range<Int>], sources: [UInt32]) {
        switch storage {
        case .bytes(var codes):
            storage = .words([])
            codes.reorder(runs: runs, sources: sources)
            storage = .bytes(codes)
        case .halves(var codes):
            storage = .words([])
            codes.reorder(runs: runs, sources: sources)
            storage = .halves(codes)
        case .words(var codes):
            storage = .words([])
            codes.reorder(runs: runs, sources: sources)
            storage = .words(codes)
        }
    }

    /// `count` nulls.
    static func nulls(count: Int) -> TextCodes {
        TextCodes(padded: [UInt8](repeating: .max, count: count) + [0, 0, 0], count: count)
    }
}
