import Foundation

/// Gathers the rows of a copy, as they come one by one, into runs of about
/// `size` bytes for the `CopyReader`; a row longer than that makes a run of its own.
struct CopyRun {
    static let size = 8 << 20

    private var base: UnsafeMutableRawPointer?
    private var capacity = 0
    private var count = 0
    private var rows = 0
    private var line = 0

    /// The run gathered so far, when `bytes` more would not fit in it.
    mutating func full(before bytes: Int) -> CopyReader.Run? {
        guard base != nil, count + bytes > capacity else { return nil }
        return take()
    }

    /// Adds a row that starts on `line` of the CSV text; false when memory ran out.
    mutating func add(_ row: UnsafeRawBufferPointer, line: Int) -> Bool {
        if base == nil {
            capacity = max(Self.size, row.count)
            // Room past the end: the CSV reader looks a word ahead.
            guard let made = malloc(capacity + 16) else { return false }
            base = made
            count = 0
            rows = 0
            self.line = line
        }
        if let source = row.baseAddress { (base! + count).copyMemory(from: source, byteCount: row.count) }
        count += row.count
        rows += 1
        return true
    }

    /// The run gathered so far, if any; the next row starts a new one.
    mutating func take() -> CopyReader.Run? {
        guard let taken = base else { return nil }
        base = nil
        return CopyReader.Run(base: taken, count: count, line: line, rows: rows)
    }

    /// Frees the run gathered so far.
    mutating func discard() {
        free(base)
        base = nil
    }
}
