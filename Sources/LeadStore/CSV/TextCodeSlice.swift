/// The codes of one text column that one part of a file writes, as narrow
/// as the codes so far allow: one byte each while they stay below 255, two
/// below 65,535, four beyond (the largest value of a width is null).
///
/// The part's window has room for four-byte codes (see `ColumnArrays`), but
/// only the bytes of the width in use are written, from the window's start,
/// so a column of channels or reps brings a quarter of the pages into memory.
/// A code too large for the width widens the codes so far, in place.
struct TextCodeSlice: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    /// Room for this many codes of four bytes.
    let capacity: Int
    private(set) var count = 0
    /// Bytes per code: 1, 2 or 4.
    private(set) var width: Int
    /// The largest value of the width: null, and the first code that does not fit.
    private var limit: UInt32

    /// `wide`: four bytes from the start (codes of ids, or of a base dictionary).
    init(base: UnsafeMutablePointer<UInt32>, capacity: Int, wide: Bool = false) {
        self.base = UnsafeMutableRawPointer(base)
        self.capacity = capacity
        width = wide ? 4 : 1
        limit = wide ? .max : UInt32(UInt8.max)
    }

    @inline(__always)
    mutating func append(_ code: UInt32) {
        precondition(count < capacity, "more rows than the part has line ends")
        if code >= limit && code != Null.textCode { widen(toHold: code) }
        store(code, at: count)
        count += 1
    }

    /// Writes the code of a row already appended.
    @inline(__always)
    mutating func set(_ row: Int, _ code: UInt32) {
        if code >= limit && code != Null.textCode { widen(toHold: code) }
        store(code, at: row)
    }

    /// The code in `row`; `Null.textCode` for a null.
    @inline(__always)
    subscript(row: Int) -> UInt32 {
        let code: UInt32
        switch width {
        case 1: code = UInt32(base.load(fromByteOffset: row, as: UInt8.self))
        case 2: code = UInt32(base.load(fromByteOffset: row &* 2, as: UInt16.self))
        default: return base.load(fromByteOffset: row &* 4, as: UInt32.self)
        }
        return code == limit ? Null.textCode : code
    }

    /// These codes, once four bytes wide, as copied to `base`.
    func movedWide(to base: UnsafeMutablePointer<UInt32>) -> TextCodeSlice {
        precondition(width == 4, "only four-byte codes are moved")
        var moved = TextCodeSlice(base: base, capacity: count, wide: true)
        moved.count = count
        return moved
    }

    /// Makes every code four bytes wide, in place.
    mutating func widenToWords() {
        if width < 4 { widen(toHold: UInt32(UInt16.max)) }
    }

    @inline(__always)
    private func store(_ code: UInt32, at row: Int) {
        switch width {
        case 1: base.storeBytes(of: UInt8(truncatingIfNeeded: code), toByteOffset: row, as: UInt8.self)
        case 2: base.storeBytes(of: UInt16(truncatingIfNeeded: code), toByteOffset: row &* 2, as: UInt16.self)
        default: base.storeBytes(of: code, toByteOffset: row &* 4, as: UInt32.self)
        }
    }

    /// Moves the codes so far to the width that holds `code`, last row first
    /// so that no code is overwritten before it is read.
    @inline(never)
    private mutating func widen(toHold code: UInt32) {
        let old = self
        width = code < UInt32(UInt16.max) ? 2 : 4
        limit = width == 2 ? UInt32(UInt16.max) : .max
        for row in stride(from: count - 1, through: 0, by: -1) { store(old[row], at: row) }
    }
}

extension TextCodeSlice {
    /// Writes the codes to `target` as `Unit`s (at least as wide as these),
    /// each changed by `remap`; nulls stay null.
    func copy<Unit: TextCodeUnit>(into target: UnsafeMutablePointer<Unit>, remap: CodeRemap?) {
        switch width {
        case 1: Self.copy(base.assumingMemoryBound(to: UInt8.self), count, into: target, remap: remap)
        case 2: Self.copy(base.assumingMemoryBound(to: UInt16.self), count, into: target, remap: remap)
        default: Self.copy(base.assumingMemoryBound(to: UInt32.self), count, into: target, remap: remap)
        }
    }

    private static func copy<Source: TextCodeUnit, Unit: TextCodeUnit>(
        _ source: UnsafePointer<Source>, _ count: Int, into target: UnsafeMutablePointer<Unit>, remap: CodeRemap?
    ) {
        switch remap {
        case nil:
            for row in 0..<count {
                let code = source[row]
                target[row] = code == Source.max ? Unit.max : Unit(truncatingIfNeeded: code)
            }
        case .shift(let shift):
            for row in 0..<count {
                let code = source[row]
                target[row] = code == Source.max ? Unit.max : Unit(truncatingIfNeeded: UInt32(code) + shift)
            }
        case .table(let first, let codes):
            codes.withUnsafeBufferPointer { codes in
                for row in 0..<count {
                    let code = UInt32(source[row])
                    target[row] = code == UInt32(Source.max) ? Unit.max
                        : Unit(truncatingIfNeeded: code >= first ? codes[Int(code - first)] : code)
                }
            }
        }
    }
}
