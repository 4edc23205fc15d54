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
        // Each part's values hashed and counted by bucket on its own core, then hashed again
        // and spread, each part into its own stretch of each bucket (no array of hashes kept between).
        let counts = ParallelResults<[Int]>.map(parts.count) { index in
            var counts = [Int](repeating: 0, count: bucketCount)
            for value in 0..<parts[index].count { counts[Int(parts[index].hash(at: value) >> shift)] += 1 }
            return counts
        }.map { $0! }
        var starts = [Int](repeating: 0, count: bucketCount + 1)
        for bucket in 0..<bucketCount { starts[bucket + 1] = starts[bucket] + counts.reduce(0) { $0 + $1[bucket] } }
        var positions: [[Int]] = []
        var next = starts
        for part in counts {
            positions.append(next)
            for bucket in 0..<bucketCount { next[bucket] += part[bucket] }
        }
        var spread = [UInt64].unwritten(count: starts[bucketCount])
        spread.withUnsafeMutableBufferPointer { buffer in
            let target = SpreadHashes(base: buffer.baseAddress!)
            let firsts = positions
            DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                var next = firsts[index]
                for value in 0..<parts[index].count {
                    let hash = parts[index].hash(at: value)
                    let bucket = Int(hash >> shift)
                    target.base[next[bucket]] = hash
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

/// The hashes being spread, each part writing slots of its own.
private struct SpreadHashes: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt64>
}

extension TextDictionary {
    /// The values of `parts`, one after another, without a hash table (see
    /// `dropIndex`); the caller knows they all differ. Each part is let go
    /// of once copied, so that the values are not held twice over.
    init(unindexed parts: inout [DistinctValues]) {
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        offsets.reserveCapacity(parts.reduce(0) { $0 + $1.count } + 1)
        for index in parts.indices {
            let shift = bytes.count
            bytes += parts[index].bytes
            offsets += parts[index].offsets.dropFirst().lazy.map { $0 + shift }
            parts[index] = DistinctValues(capacity: 0, keepsHashes: false)
        }
        dropIndex()
    }
}
