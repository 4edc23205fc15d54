/// The codes of up to 128 short values (1 to 16 bytes) of a text column, in a
/// table small enough to stay in the first-level cache.
///
/// A value that short is held whole in two words plus its length, so a
/// lookup is a multiply, one probe and three compares: no hashing of bytes
/// and no trip through the dictionary's arrays. Low-cardinality columns
/// (channel, rep, outcome, segment) find nearly every value here.
struct ShortValueCache {
    private static let slotBits = 8
    private static let capacity = 1 << (slotBits - 1)
    /// Three words per slot: the two words of the value, then its length in
    /// the high half and `code + 1` in the low half (zero: an empty slot).
    private var table = [UInt64](repeating: 0, count: 3 << slotBits)
    private var count = 0

    /// The value's code, if it is here.
    @inline(__always)
    func code(of value: UnsafeRawBufferPointer) -> UInt32? {
        guard let key = Self.key(value) else { return nil }
        return table.withUnsafeBufferPointer { table in
            var slot = key.slot
            while true {
                let tag = table[slot * 3 + 2]
                if tag == 0 { return nil }
                if tag >> 32 == UInt64(value.count) && table[slot * 3] == key.first && table[slot * 3 + 1] == key.second {
                    return UInt32(truncatingIfNeeded: tag) &- 1
                }
                slot = (slot + 1) & ((1 << Self.slotBits) - 1)
            }
        }
    }

    /// Remembers the value's code, while there is room and the value is short.
    mutating func insert(_ value: UnsafeRawBufferPointer, code: UInt32) {
        guard count < Self.capacity, code < UInt32.max - 1, let key = Self.key(value) else { return }
        var slot = key.slot
        while table[slot * 3 + 2] != 0 { slot = (slot + 1) & ((1 << Self.slotBits) - 1) }
        table[slot * 3] = key.first
        table[slot * 3 + 1] = key.second
        table[slot * 3 + 2] = UInt64(value.count) << 32 | UInt64(code + 1)
        count += 1
    }

    /// The value as two words that, with its length, determine every byte
    /// (loads overlap rather than read past the end); nil when it is too long or empty.
    @inline(__always)
    private static func key(_ value: UnsafeRawBufferPointer) -> (first: UInt64, second: UInt64, slot: Int)? {
        let n = value.count
        let first: UInt64, second: UInt64
        if n >= 8 {
            guard n <= 16 else { return nil }
            first = value.loadUnaligned(as: UInt64.self)
            second = value.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            first = UInt64(value.loadUnaligned(as: UInt32.self))
            second = UInt64(value.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
        } else {
            guard n > 0 else { return nil }
            first = UInt64(value[0]) | UInt64(value[n / 2]) << 8 | UInt64(value[n - 1]) << 16
            second = 0
        }
        let mixed = (first &* 0x9E37_79B9_7F4A_7C15) ^ (second &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)
        return (first, second, Int(truncatingIfNeeded: (mixed &* 0xFF51_AFD7_ED55_8CCD) >> UInt64(64 - slotBits)))
    }
}
