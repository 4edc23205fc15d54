import Foundation
import LeadStore

/// Per-group statistics that need every value of a group at once:
/// interpolated quantiles and distinct counts, over (group, value) pairs.
enum GroupStatistics {
    /// Interpolated quantiles per group: values bucketed by group with a
    /// counting sort, then each group's two middle ranks found by selection.
    static func quantiles(_ values: [Double], groups: [UInt32], groupCount: Int, fraction: Double) -> [Double] {
        let (start, grouped) = Self.bucketed(values, groups: groups, groupCount: groupCount)
        var bucketed = grouped
        var result = [Double](repeating: .nan, count: groupCount)
        bucketed.withUnsafeMutableBufferPointer { all in
            // Each part selects in its own groups, which lie apart in `all`.
            let shared = SharedValues(base: all.baseAddress), parts = Self.groupParts(start)
            let found = ParallelResults<[Double]>.map(parts.count) { part in
                parts[part].map { g in
                    guard start[g + 1] > start[g] else { return .nan }
                    return Self.quantile(UnsafeMutableBufferPointer(start: shared.base! + start[g], count: start[g + 1] - start[g]), fraction)
                }
            }
            for (part, values) in zip(parts, found) {
                for (g, value) in zip(part, values!) { result[g] = value }
            }
        }
        return result
    }

    /// The groups in runs of about equal numbers of values, one per core
    /// when there are enough values to be worth a thread.
    private static func groupParts(_ start: [Int]) -> [Range<Int>] {
        let groupCount = start.count - 1, total = start[groupCount]
        let threads = total < 1 << 13 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8)
        var parts: [Range<Int>] = [], first = 0
        for part in 1...threads {
            var end = first
            while end < groupCount && (part == threads || start[end] < total * part / threads) { end += 1 }
            parts.append(first..<end)
            first = end
        }
        return parts.filter { !$0.isEmpty }
    }

    /// Values that threads read and reorder in parts apart from one another.
    private struct SharedValues: @unchecked Sendable {
        let base: UnsafeMutablePointer<Double>?
    }

    /// How many different values each group has; values are told apart by
    /// their bits, and NaN is no value. Small whole numbers (dictionary codes,
    /// counts) are marked in a bitmap; any others are sorted by their bits.
    static func distinctCounts(_ values: [Double], groups: [UInt32], groupCount: Int) -> [Double] {
        let (start, bucketed) = Self.bucketed(values, groups: groups, groupCount: groupCount)
        var result = [Double](repeating: 0, count: groupCount)
        var bitmap: [UInt64] = []
        var bits: [UInt64] = [], scratch: [UInt64] = []
        bucketed.withUnsafeBufferPointer { all in
            for g in 0..<groupCount where start[g + 1] > start[g] {
                let group = UnsafeBufferPointer(rebasing: all[start[g]..<start[g + 1]])
                let limit = 1 << 26
                if group.allSatisfy({ $0 >= 0 && $0 < Double(limit) && $0 == $0.rounded(.down) && $0.sign == .plus }) {
                    let largest = Int(group.max()!)
                    bitmap.removeAll(keepingCapacity: true)
                    bitmap.append(contentsOf: repeatElement(0, count: largest / 64 + 1))
                    var count = 0
                    for value in group {
                        let index = Int(value)
                        let mask: UInt64 = 1 << UInt64(index & 63)
                        if bitmap[index >> 6] & mask == 0 {
                            bitmap[index >> 6] |= mask
                            count += 1
                        }
                    }
                    result[g] = Double(count)
                } else {
                    bits.removeAll(keepingCapacity: true)
                    // 0 and -0 are one value, as they are one group key.
                    bits.append(contentsOf: group.lazy.map { ($0 == 0 ? 0 : $0).bitPattern })
                    if scratch.count < bits.count { scratch = [UInt64](repeating: 0, count: bits.count) }
                    bits.withUnsafeMutableBufferPointer { bits in
                        scratch.withUnsafeMutableBufferPointer { RadixSort.sort(bits, scratch: $0) }
                    }
                    var count = 1
                    for i in 1..<bits.count where bits[i] != bits[i - 1] { count += 1 }
                    result[g] = Double(count)
                }
            }
        }
        return result
    }

    /// The values that are not NaN, put together group by group (a counting
    /// sort by group), and where each group's values start; one more entry
    /// than there are groups.
    private static func bucketed(_ values: [Double], groups: [UInt32], groupCount: Int) -> (start: [Int], values: [Double]) {
        var start = [Int](repeating: 0, count: groupCount + 1)
        for (i, value) in values.enumerated() where !value.isNaN { start[Int(groups[i]) + 1] += 1 }
        for g in 0..<groupCount { start[g + 1] += start[g] }
        var next = start
        var bucketed = [Double](repeating: 0, count: start[groupCount])
        for (i, value) in values.enumerated() where !value.isNaN {
            let g = Int(groups[i])
            bucketed[next[g]] = value
            next[g] += 1
        }
        return (start, bucketed)
    }

    /// The quantile of the values, interpolating between the two nearest ranks.
    static func quantile(_ values: UnsafeMutableBufferPointer<Double>, _ fraction: Double) -> Double {
        let position = Double(values.count - 1) * fraction
        let lower = Int(position.rounded(.down))
        let low = select(values, lower)
        guard position > Double(lower), lower + 1 < values.count else { return low }
        var high = Double.infinity
        for i in (lower + 1)..<values.count where values[i] < high { high = values[i] }
        return low + (high - low) * (position - Double(lower))
    }

    /// Reorders `values` so the `k`-th smallest is at `k`, smaller before and larger after; returns it.
    static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var low = 0, high = values.count - 1
        while low < high {
            let pivot = values[low + (high - low) / 2]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { break }
        }
        return values[k]
    }
}

extension Formula {
    /// The value for a group with no rows: zero for counts, null otherwise.
    var emptyValue: Double {
        switch self {
        case .count, .countValues, .distinct: 0
        default: .nan
        }
    }
}
