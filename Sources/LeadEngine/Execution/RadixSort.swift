/// Sorts 64-bit keys by 11-bit digits, least significant first, in as many
/// counting passes as there are digits that differ between keys: the bits of
/// timestamps and other doubles share most of their high and low digits.
enum RadixSort {
    private static let digitBits = 11
    private static let digitCount = (64 + digitBits - 1) / digitBits
    private static let bucketCount = 1 << digitBits

    /// Below this many keys a comparison sort is quicker than the histograms.
    static let smallest = 4096

    /// Sorts `keys` in place; `scratch` must hold at least as many keys.
    static func sort(_ keys: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>) {
        precondition(scratch.count >= keys.count)
        let n = keys.count
        guard n >= smallest else {
            var keys = keys
            return keys.sort()
        }
        var counts = [Int](repeating: 0, count: digitCount * bucketCount)
        let mask = UInt64(bucketCount - 1)
        counts.withUnsafeMutableBufferPointer { counts in
            for key in keys {
                for digit in 0..<digitCount {
                    counts[digit &* bucketCount &+ Int((key >> UInt64(digit &* digitBits)) & mask)] &+= 1
                }
            }
            var from = keys, to = UnsafeMutableBufferPointer(rebasing: scratch[0..<n])
            for digit in 0..<digitCount {
                let shift = UInt64(digit * digitBits)
                let base = digit * bucketCount
                if counts[base + Int((from[0] >> shift) & mask)] == n { continue }
                var next = 0
                for bucket in base..<base + bucketCount {
                    let count = counts[bucket]
                    counts[bucket] = next
                    next += count
                }
                for key in from {
                    let bucket = base &+ Int((key >> shift) & mask)
                    to[counts[bucket]] = key
                    counts[bucket] &+= 1
                }
                swap(&from, &to)
            }
            if from.baseAddress != keys.baseAddress {
                _ = keys.update(fromContentsOf: from)
            }
        }
    }
}
