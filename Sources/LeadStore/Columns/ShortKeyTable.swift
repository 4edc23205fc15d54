/// The values of a dictionary of short ids (eight bytes or fewer each, as
/// `L0336245` or a number), each slot holding a value's bytes beside its
/// code: looking a value up reads one slot, one line of memory, where the
/// dictionary's own table reads a slot, the value's offsets and its bytes.
/// Built for the touches' lead ids, which are looked up in a table of a
/// million leads or more that the caches cannot hold.
struct ShortKeyTable: Sendable {
    /// Each slot's bytes, zero after the value's end.
    private struct Slot {
        var key: UInt64
        /// The value's length in the high half, its code + 1 in the low half; zero when empty.
        var entry: UInt64
    }

    private var slots: [Slot]
    private let shift: UInt64

    /// The longest value a table holds.
    static let longest = 8

    /// Nil when some value is longer than `longest`, or there are none.
    init?(_ dictionary: TextDictionary) {
        let count = dictionary.count
        guard count > 0, dictionary.longestValue <= Self.longest, count < Int(UInt32.max) else { return nil }
        var bits = 4
        while 1 << bits < count * 3 / 2 { bits += 1 }
        shift = UInt64(64 - bits)
        slots = [Slot](repeating: Slot(key: 0, entry: 0), count: 1 << bits)
        let mask = slots.count - 1, shift = self.shift
        slots.withUnsafeMutableBufferPointer { slots in
            for code in 0..<count {
                dictionary.withBytes(of: UInt32(code)) { value in
                    let key = Self.key(value)
                    var slot = Self.slot(key, value.count, shift)
                    while slots[slot].entry != 0 { slot = (slot + 1) & mask }
                    slots[slot] = Slot(key: key, entry: UInt64(value.count) << 32 | UInt64(code + 1))
                }
            }
        }
    }

    /// Writes the code of each of the first `count` values to `codes`
    /// (`Null.textCode` for a value not here); the first slots of all of
    /// them are read before any is compared, so that their reads overlap.
    func codes(of values: UnsafePointer<UnsafeRawBufferPointer>, count: Int, into codes: UnsafeMutablePointer<UInt32>) {
        precondition(count <= TextDictionary.batchLimit)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: TextDictionary.batchLimit) { keys in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: TextDictionary.batchLimit) { places in
                slots.withUnsafeBufferPointer { slots in
                    let mask = slots.count - 1
                    for index in 0..<count {
                        let value = values[index]
                        if value.count > Self.longest {
                            places[index] = -1
                            continue
                        }
                        keys[index] = Self.key(value)
                        places[index] = Self.slot(keys[index], value.count, shift)
                    }
                    for index in 0..<count {
                        var slot = places[index]
                        codes[index] = Null.textCode
                        guard slot >= 0 else { continue }
                        let length = UInt64(values[index].count)
                        while true {
                            let found = slots[slot]
                            if found.entry == 0 { break }
                            if found.key == keys[index] && found.entry >> 32 == length {
                                codes[index] = UInt32(truncatingIfNeeded: found.entry) &- 1
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// The bytes of a value of at most eight bytes, zero after its end.
    @inline(__always)
    private static func key(_ value: UnsafeRawBufferPointer) -> UInt64 {
        let n = value.count
        if n >= 4 {
            let low = UInt64(value.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(value.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            return low | high << UInt64((n - 4) * 8)
        }
        var key: UInt64 = 0
        for index in 0..<n { key |= UInt64(value[index]) << UInt64(index * 8) }
        return key
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ length: Int, _ shift: UInt64) -> Int {
        var h = (key ^ UInt64(length) << 59) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h >> shift)
    }
}

extension TextDictionary {
    /// The length of the longest value.
    var longestValue: Int {
        offsets.withUnsafeBufferPointer { offsets in
            var longest = 0
            for code in 0..<offsets.count - 1 { longest = Swift.max(longest, offsets[code + 1] - offsets[code]) }
            return longest
        }
    }
}
