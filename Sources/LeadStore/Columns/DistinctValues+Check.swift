import Foundation

/// Telling that the values of a column of ids all differ without building
/// the hash table a lookup needs: their hashes are spread over 256 buckets
/// by their top bits, and each bucket (small enough for the caches) is
/// checked on its own, on every core.
extension DistinctValues {
    private static let bucketBits = 8

    /// True when no two values of `parts` have the same hash, so none is the
    /// same; false when two might be (which a closer look must settle).
    static func allDiffer(_ parts: [DistinctValues]) -> Bool {
        let bucketCount = 1 << bucketBits
        let shift = UInt64(64 - bucketBits)
        var starts = [Int](repeating: 0, count: bucketCount + 1)
        for part in parts {
            for hash in part.hashes { starts[Int(hash >> shift) + 1] += 1 }
        }
        for bucket in 0..<bucketCount { starts[bucket + 1] += starts[bucket] }
        var next = starts
        var spread = [UInt64].unwritten(count: starts[bucketCount])
        spread.withUnsafeMutableBufferPointer { spread in
            for part in parts {
                for hash in part.hashes {
                    let bucket = Int(hash >> shift)
                    spread[next[bucket]] = hash
                    next[bucket] += 1
                }
            }
        }
        let buckets = spread, bounds = starts
        let workers = min(bucketCount, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        let found = ParallelResults<Bool>.map(workers) { worker in
            buckets.withUnsafeBufferPointer { buckets in
                var table: [UInt64] = []
                for bucket in stride(from: worker, to: bucketCount, by: workers) {
                    let hashes = UnsafeBufferPointer(rebasing: buckets[bounds[bucket]..<bounds[bucket + 1]])
                    if !differ(hashes, table: &table) { return false }
                }
                return true
            }
        }
        return found.allSatisfy { $0 == true }
    }

    /// Whether the hashes all differ, by an open-addressing set in `table` (reused).
    private static func differ(_ hashes: UnsafeBufferPointer<UInt64>, table: inout [UInt64]) -> Bool {
        var size = 16
        while size < hashes.count * 2 { size *= 2 }
        if table.count < size { table = [UInt64](repeating: 0, count: size) } else { table.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
        let mask = size - 1
        var sawZero = false
        return table.withUnsafeMutableBufferPointer { table in
            for hash in hashes {
                if hash == 0 {
                    if sawZero { return false }
                    sawZero = true
                    continue
                }
                var slot = Int(truncatingIfNeeded: hash) & mask
                while table[slot] != 0 {
                    if table[slot] == hash { return false }
                    slot = (slot + 1) & mask
                }
                table[slot] = hash
            }
            return true
        }
    }
}

extension TextDictionary {
    /// The values of `parts`, one after another, without a hash table (see
    /// `dropIndex`); the caller knows they all differ.
    init(unindexed parts: [DistinctValues]) {
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        offsets.reserveCapacity(parts.reduce(0) { $0 + $1.count } + 1)
        for part in parts {
            let shift = bytes.count
            bytes += part.bytes
            offsets += part.offsets.dropFirst().lazy.map { $0 + shift }
        }
        dropIndex()
    }
}
