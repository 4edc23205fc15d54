/// The codes of a text column, one per row, each as narrow as the column's
/// dictionary allows: one byte for up to 255 distinct values, two for up to
/// 65,535, four beyond. The largest value of each width stands for null, and
/// reads as `Null.textCode`.
///
/// Channels, directions, outcomes, segments, sources, regions and reps have
/// tens to thousands of values: a quarter or half of the memory of four-byte
/// codes, and of the fresh pages a load writes for them.
///
/// Scans read through `withReader`, whose reader loads four bytes at the
/// row's place and masks them to the width: the same code for every width,
/// with no branch per row. So that the last rows can be read that way, the
/// arrays of one- and two-byte codes carry a few bytes more than there are rows.
public struct TextCodes: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        case bytes([UInt8])
        case halves([UInt16])
        case words([UInt32])
    }

    @usableFromInline
    var storage: Storage
    public let count: Int

    /// Codes into a dictionary of `distinct` values, stored as narrow as that allows.
    public init(_ codes: [UInt32], distinct: Int) {
        count = codes.count
        switch TextCodeWidth(distinct: distinct) {
        case .byte: storage = .bytes(codes.withUnsafeBufferPointer { Self.narrowed($0, to: UInt8.self) })
        case .half: storage = .halves(codes.withUnsafeBufferPointer { Self.narrowed($0, to: UInt16.self) })
        case .word: storage = .words(codes)
        }
    }

    /// Codes of the width of `Unit`, whose array holds `count` codes and the padding after them.
    init<Unit: TextCodeUnit>(padded: [Unit], count: Int) {
        precondition(padded.count == count + Unit.padding, "text codes lack their padding")
        self.count = count
        storage = Unit.storage(padded)
    }

    /// How many bytes each code takes.
    public var width: Int {
        switch storage {
        case .bytes: 1
        case .halves: 2
        case .words: 4
        }
    }

    /// The bytes the codes take.
    public var memoryFootprint: Int {
        switch storage {
        case .bytes(let codes): codes.capacity
        case .halves(let codes): codes.capacity * 2
        case .words(let codes): codes.capacity * 4
        }
    }

    /// Calls `body` with a reader of every row's code.
    @inlinable
    public func withReader<R>(_ body: (TextCodeReader) throws -> R) rethrows -> R {
        switch storage {
        case .bytes(let codes): return try codes.withUnsafeBytes { try body(TextCodeReader(base: $0.baseAddress!, shift: 0, mask: 0xFF)) }
        case .halves(let codes): return try codes.withUnsafeBytes { try body(TextCodeReader(base: $0.baseAddress!, shift: 1, mask: 0xFFFF)) }
        case .words(let codes):
            return try codes.withUnsafeBytes { bytes in
                // An empty array may have no memory: the reader is then never read.
                let base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: MemoryLayout<UInt32>.alignment)!
                return try body(TextCodeReader(base: base, shift: 2, mask: .max))
            }
        }
    }

    /// The codes as four-byte values (shared, not copied, when they are four bytes already).
    public var wide: [UInt32] {
        switch storage {
        case .words(let codes): return codes
        case .bytes(let codes): return Self.widened(codes, count: count)
        case .halves(let codes): return Self.widened(codes, count: count)
        }
    }

    static func narrowed<Unit: TextCodeUnit>(_ codes: UnsafeBufferPointer<UInt32>, to: Unit.Type) -> [Unit] {
        [Unit](unsafeUninitializedCapacity: codes.count + Unit.padding) { buffer, initialized in
            // The null code truncates to the narrow width's null.
            for row in 0..<codes.count { buffer[row] = Unit(truncatingIfNeeded: codes[row]) }
            for row in codes.count..<codes.count + Unit.padding { buffer[row] = 0 }
            initialized = codes.count + Unit.padding
        }
    }

    private static func widened<Unit: TextCodeUnit>(_ codes: [Unit], count: Int) -> [UInt32] {
        codes.withUnsafeBufferPointer { codes in
            [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
                for row in 0..<count { buffer[row] = codes[row] == Unit.max ? Null.textCode : UInt32(codes[row]) }
                initialized = count
            }
        }
    }
}

extension TextCodes: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The code in row `row`; `Null.textCode` for a null.
    @inlinable
    public subscript(row: Int) -> UInt32 {
        precondition(row >= 0 && row < count, "row out of range")
        return withReader { $0[row] }
    }
}

/// Reads the code of any row of `TextCodes`, whatever their width.
public struct TextCodeReader {
    @usableFromInline let base: UnsafeRawPointer
    @usableFromInline let shift: Int
    @usableFromInline let mask: UInt32

    @inlinable
    init(base: UnsafeRawPointer, shift: Int, mask: UInt32) {
        self.base = base
        self.shift = shift
        self.mask = mask
    }

    /// The code in row `row`; `Null.textCode` for a null. Rows are not checked.
    @inlinable @inline(__always)
    public subscript(row: Int) -> UInt32 {
        let code = base.loadUnaligned(fromByteOffset: row &<< shift, as: UInt32.self) & mask
        return code == mask ? Null.textCode : code
    }
}

/// How many bytes the codes of a dictionary take.
enum TextCodeWidth {
    case byte, half, word

    init(distinct: Int) {
        // The largest value of a width is null, so it cannot be a code.
        self = distinct <= Int(UInt8.max) ? .byte : distinct <= Int(UInt16.max) ? .half : .word
    }
}

/// A width of text code.
protocol TextCodeUnit: FixedWidthInteger, UnsignedInteger, BitwiseCopyable {
    /// Elements after the last row, so that a reader's four-byte load stays in the array.
    static var padding: Int { get }
    static func storage(_ codes: [Self]) -> TextCodes.Storage
}

extension UInt8: TextCodeUnit {
    static var padding: Int { 3 }
    static func storage(_ codes: [UInt8]) -> TextCodes.Storage { .bytes(codes) }
}

extension UInt16: TextCodeUnit {
    static var padding: Int { 1 }
    static func storage(_ codes: [UInt16]) -> TextCodes.Storage { .halves(codes) }
}

extension UInt32: TextCodeUnit {
    static var padding: Int { 0 }
    static func storage(_ codes: [UInt32]) -> TextCodes.Storage { .words(codes) }
}
