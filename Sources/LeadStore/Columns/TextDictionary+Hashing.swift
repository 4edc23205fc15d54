import Foundation

/// How the values of a dictionary are hashed and compared.
extension TextDictionary {
    /// A fast hash over bytes, eight at a time (the last word overlapping the
    /// one before, so no byte-by-byte tail), with a strong final mix.
    @inline(__always)
    static func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
        let n = value.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        @inline(__always) func mix(_ word: UInt64) {
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h = (h << 29) | (h >> 35)
        }
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                mix(value.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            mix(value.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
        } else if n >= 4 {
            mix(UInt64(value.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
                | UInt64(value.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32)
        } else if n > 0 {
            mix(UInt64(value[0]) | UInt64(value[n / 2]) << 8 | UInt64(value[n - 1]) << 16)
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// Whether `length` bytes at `a` and `b` are equal; short values without a call.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ length: Int) -> Bool {
        if length >= 8 && length <= 16 {
            return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                && a.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        }
        return memcmp(a, b, length) == 0
    }
}
