import Foundation

/// The distinct values of one text column, stored once each.
///
/// All values live back to back in one byte array, found by offset, so a
/// column with a million distinct values costs two arrays, not a million
/// `String`s. An open-addressing hash table keyed by the bytes maps a value
/// to its code; codes are dense, in order of first appearance.
public struct TextDictionary: Sendable {
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slots hold `code + 1`; zero marks an empty slot.
    private var slots: [UInt32] = Array(repeating: 0, count: 64)

    public init() {}

    /// Builds a dictionary holding `values` in order, without duplicates.
    public init<S: Sequence>(_ values: S) where S.Element == String {
        for value in values { _ = intern(value) }
    }

    /// How many distinct values there are.
    public var count: Int { offsets.count - 1 }

    /// The value with this code.
    public subscript(code: UInt32) -> String {
        let start = offsets[Int(code)], end = offsets[Int(code) + 1]
        return bytes.withUnsafeBufferPointer { String(decoding: $0[start..<end], as: UTF8.self) }
    }

    /// Every value, in code order.
    public var values: [String] { (0..<count).map { self[UInt32($0)] } }

    /// The code of `value`, if the column holds it.
    public func code(of value: String) -> UInt32? {
        var value = value
        return value.withUTF8 { code(of: UnsafeRawBufferPointer($0)) }
    }

    /// The code of the bytes, if the column holds them.
    public func code(of value: UnsafeRawBufferPointer) -> UInt32? {
        let found = find(value, hash: Self.hash(value))
        return found.code
    }

    /// Where `value` is, or the empty slot where it would go.
    @inline(__always)
    private func find(_ value: UnsafeRawBufferPointer, hash: UInt64) -> (code: UInt32?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                offsets.withUnsafeBufferPointer { offsets in
                    bytes.withUnsafeBytes { stored in
                        let mask = slots.count - 1
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        while true {
                            let entry = slots[slot]
                            if entry == 0 { return (nil, slot) }
                            let code = Int(entry &- 1)
                            if hashes[code] == hash {
                                let start = offsets[code], length = offsets[code + 1] - start
                                if length == value.count
                                    && (length == 0 || memcmp(stored.baseAddress! + start, value.baseAddress!, length) == 0) {
                                    return (UInt32(code), slot)
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// The code of `value`, adding it when new.
    public mutating func intern(_ value: String) -> UInt32 {
        var value = value
        return value.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The code of the bytes, adding them when new.
    public mutating func intern(_ value: UnsafeRawBufferPointer) -> UInt32 {
        let hash = Self.hash(value)
        let found = find(value, hash: hash)
        if let code = found.code { return code }
        let code = count
        precondition(code < Int(UInt32.max - 1), "a text column holds at most 4 billion distinct values")
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
        hashes.append(hash)
        var slot = found.slot
        if (code + 1) * 10 > slots.count * 7 {
            grow()
            let mask = slots.count - 1
            slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
        }
        slots[slot] = UInt32(code + 1)
        return UInt32(code)
    }

    /// Calls `body` with the bytes of the value with this code.
    public func withBytes<R>(of code: UInt32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let start = offsets[Int(code)], end = offsets[Int(code) + 1]
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var grown = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        for code in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = UInt32(code + 1)
        }
        slots = grown
    }

    /// A fast hash over bytes, eight at a time, with a strong final mix.
    static func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(value.count)
        var i = 0
        let n = value.count
        while i + 8 <= n {
            let word = value.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h = (h << 29) | (h >> 35)
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(value[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
