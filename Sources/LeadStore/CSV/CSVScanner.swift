import CKernels
import Foundation

/// Where one field of a record lies in the file's bytes.
struct CSVField {
    /// First byte of the value (after the opening quote, if quoted).
    var start: Int
    /// One past the last byte of the value (before the closing quote).
    var end: Int
    /// Whether the value holds doubled quotes that stand for one quote.
    var hasEscapedQuotes: Bool
    /// Whether the field was written in quotes (so `""` is empty text, not null).
    var quoted: Bool

    var isEmpty: Bool { start == end }
}

/// Splits RFC 4180 CSV bytes into records and fields without copying them.
///
/// Accepts a UTF-8 byte order mark, LF, CRLF or lone CR line ends (mixed
/// too), quoted fields holding commas, doubled quotes and line breaks, and a
/// last record with or without a line end. Blank lines between records are
/// skipped. Keeps count of lines so every error can say where it is.
struct CSVScanner {
    let bytes: UnsafeRawBufferPointer
    let file: String
    /// The next byte to read.
    private(set) var position: Int
    /// The line on which the next record starts.
    private(set) var line = 1
    /// The line on which the last record returned starts.
    private(set) var recordLine = 1
    /// Where the last record returned starts.
    private(set) var recordStart = 0
    /// The 64 bytes from `blockStart` that end unquoted fields, a bit each (see `fieldEnd(from:)`).
    private var blockStart = -128
    private var blockMask: UInt64 = 0

    /// A scanner over a whole file, skipping its byte order mark.
    init(bytes: UnsafeRawBufferPointer, file: String) {
        self.bytes = bytes
        self.file = file
        position = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// A scanner over part of a file that starts at a record on `line`.
    init(part bytes: UnsafeRawBufferPointer, file: String, line: Int) {
        self.bytes = bytes
        self.file = file
        self.line = line
        position = 0
    }

    /// The fraction of the bytes read so far.
    var progress: Double { bytes.isEmpty ? 1 : Double(position) / Double(bytes.count) }

    /// Reads the next record's fields into `fields`; false at the end of the bytes.
    mutating func nextRecord(into fields: inout [CSVField]) throws(LoadError) -> Bool {
        fields.removeAll(keepingCapacity: true)
        return try nextRecord { _, field in fields.append(field) } != nil
    }

    /// Reads the next record, handing each field to `emit` with its index;
    /// returns how many fields it had, or nil at the end of the bytes. A
    /// record longer than `LoadMessages.rowBytes` is an error, found once
    /// the record has been read: its fields are then not to be used.
    @inline(__always)
    mutating func nextRecord(_ emit: (Int, CSVField) -> Void) throws(LoadError) -> Int? {
        let count = try scanRecord(emit)
        if position - recordStart > LoadMessages.rowBytes {
            throw LoadError(file: file, line: recordLine, message: LoadMessages.rowTooLong)
        }
        return count
    }

    @inline(__always)
    private mutating func scanRecord(_ emit: (Int, CSVField) -> Void) throws(LoadError) -> Int? {
        let n = bytes.count
        let base = bytes.baseAddress
        while position < n, bytes[position] == 0x0A || bytes[position] == 0x0D {
            if bytes[position] == 0x0D, position + 1 < n, bytes[position + 1] == 0x0A { position += 1 }
            position += 1
            line += 1
        }
        guard position < n, let base else { return nil }
        recordLine = line
        recordStart = position
        var count = 0
        while true {
            var p = position
            if p < n, bytes[p] == 0x22 {
                let openingLine = line
                let start = p + 1
                var escaped = false
                p = start
                while true {
                    guard let found = memchr(base + p, 0x22, n - p) else {
                        throw LoadError(
                            file: file, line: openingLine, column: count + 1,
                            message: "a quoted field opened here is never closed")
                    }
                    let quote = base.distance(to: UnsafeRawPointer(found))
                    line += countLineFeeds(from: p, to: quote)
                    if quote + 1 < n, bytes[quote + 1] == 0x22 {
                        escaped = true
                        p = quote + 2
                        continue
                    }
                    emit(count, CSVField(start: start, end: quote, hasEscapedQuotes: escaped, quoted: true))
                    count += 1
                    p = quote + 1
                    break
                }
                guard p < n else {
                    position = n
                    return count
                }
                switch bytes[p] {
                case 0x2C:
                    position = p + 1
                    continue
                case 0x0A, 0x0D:
                    endLine(at: p)
                    return count
                default:
                    throw LoadError(
                        file: file, line: line, column: count,
                        message: "unexpected text after the closing quote of a field (a quote inside a quoted field must be doubled: \"\")")
                }
            }
            p = fieldEnd(from: p)
            emit(count, CSVField(start: position, end: p, hasEscapedQuotes: false, quoted: false))
            count += 1
            guard p < n else {
                position = n
                return count
            }
            if bytes[p] == 0x2C {
                position = p + 1
                continue
            }
            endLine(at: p)
            return count
        }
    }

    /// Where an unquoted field ends: the first comma, LF or CR at or after
    /// `start`, or the end. The field ends of 64 bytes are found at once and
    /// kept, so the next fields in them take a shift and a bit count; the
    /// last 64 bytes go through `fieldEnd(_:from:)`.
    @inline(__always)
    private mutating func fieldEnd(from start: Int) -> Int {
        var p = start
        while true {
            if p < blockStart || p >= blockStart + 64 {
                guard p + 64 <= bytes.count else { return Self.fieldEnd(bytes, from: p) }
                blockStart = p
                blockMask = leadq_field_ends(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + p)
            }
            let rest = blockMask >> UInt64(p - blockStart)
            if rest != 0 { return p + rest.trailingZeroBitCount }
            p = blockStart + 64
        }
    }

    /// Where an unquoted field ends: the first comma, LF or CR at or after `p`,
    /// or the end. Eight bytes at a time: a byte equal to one of the three
    /// becomes zero after an XOR, and the zero-byte test finds the first one.
    @inline(__always)
    static func fieldEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let n = bytes.count
        var p = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        while p + 8 <= n {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: p, as: UInt64.self))
            let found = zeroBytes(word ^ (ones &* 0x2C)) | zeroBytes(word ^ (ones &* 0x0A)) | zeroBytes(word ^ (ones &* 0x0D))
            if found != 0 { return p + found.trailingZeroBitCount >> 3 }
            p += 8
        }
        while p < n {
            let c = bytes[p]
            if c == 0x2C || c == 0x0A || c == 0x0D { break }
            p += 1
        }
        return p
    }

    private mutating func endLine(at p: Int) {
        position = p + 1
        if bytes[p] == 0x0D, position < bytes.count, bytes[position] == 0x0A { position += 1 }
        line += 1
    }

    private func countLineFeeds(from start: Int, to end: Int) -> Int {
        var count = 0
        var p = start
        while p < end {
            if bytes[p] == 0x0A { count += 1 }
            p += 1
        }
        return count
    }

    /// Calls `body` with the field's value, its doubled quotes undone.
    func withValue<R>(of field: CSVField, scratch: inout [UInt8], _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Self.withValue(of: field, in: bytes, scratch: &scratch, body)
    }

    /// `withValue(of:scratch:_:)` for a field of `bytes`, without the scanner
    /// (whose file name threads reading parts of one file would otherwise
    /// retain and release, row after row, from two cores).
    @inline(__always)
    static func withValue<R>(
        of field: CSVField, in bytes: UnsafeRawBufferPointer, scratch: inout [UInt8], _ body: (UnsafeRawBufferPointer) throws -> R
    ) rethrows -> R {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.hasEscapedQuotes else { return try body(slice) }
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while i < slice.count {
            scratch.append(slice[i])
            i += slice[i] == 0x22 ? 2 : 1
        }
        return try scratch.withUnsafeBytes { try body($0) }
    }

    /// The field's value as a `String`, for messages and headers.
    func string(of field: CSVField) -> String {
        var scratch: [UInt8] = []
        return withValue(of: field, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
    }
}
