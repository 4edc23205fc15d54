import LeadStore

/// Which dictionary codes of a text column each group slot has seen, one bit
/// per (slot, code), so a distinct count over text is a bit set per row and a
/// population count at the end, with no values gathered or sorted.
struct SlotCodeBits {
    /// The most bits one set may take (16 MB), per thread.
    static let bitLimit = 1 << 27

    private let column: ColumnRef
    private let codes: TextCodes
    private let wordsPerSlot: Int
    private var words: [UInt64]

    /// Nil when the column is not text, or when the slots times the codes
    /// would take more than `bitLimit` bits.
    init?(distinctOf column: ColumnRef, slotCount: Int) {
        guard case .text(let text) = column.data else { return nil }
        let wordsPerSlot = max(1, (text.dictionary.count + 63) / 64)
        guard slotCount <= Self.bitLimit / 64 / wordsPerSlot else { return nil }
        self.column = column
        codes = text.codes
        self.wordsPerSlot = wordsPerSlot
        words = [UInt64](repeating: 0, count: slotCount * wordsPerSlot)
    }

    /// Marks the code of each row in that row's slot; nulls mark nothing.
    mutating func add(rows: [UInt32], slots: [UInt32], space: RowSpace) {
        let wordsPerSlot = self.wordsPerSlot, codes = self.codes
        space.withIndices(rows, of: column) { index in
            codes.withReader { codes in
                words.withUnsafeMutableBufferPointer { words in
                    slots.withUnsafeBufferPointer { slots in
                        for i in 0..<slots.count {
                            let code = codes[Int(index[i])]
                            if code == Null.textCode { continue }
                            words[Int(slots[i]) &* wordsPerSlot &+ Int(code >> 6)] |= 1 << UInt64(code & 63)
                        }
                    }
                }
            }
        }
    }

    mutating func merge(_ other: SlotCodeBits) {
        words.withUnsafeMutableBufferPointer { words in
            other.words.withUnsafeBufferPointer { theirs in
                for i in 0..<words.count { words[i] |= theirs[i] }
            }
        }
    }

    /// How many different codes each slot has seen.
    var counts: [Double] {
        words.withUnsafeBufferPointer { words in
            (0..<words.count / wordsPerSlot).map { slot in
                let start = slot * wordsPerSlot
                var count = 0
                for word in words[start..<start + wordsPerSlot] { count &+= word.nonzeroBitCount }
                return Double(count)
            }
        }
    }
}
