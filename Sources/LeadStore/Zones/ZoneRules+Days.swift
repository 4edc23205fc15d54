/// Where local days begin within each UTC day, so that a table indexed by
/// the UTC day gives a moment's local day with one comparison.
extension ZoneRules {
    /// One UTC day: its local day before `cut` and from `cut` on (the next
    /// local midnight, or `Int64.max` when none falls in the day).
    public struct DaySplit: Sendable {
        public var cut: Int64
        public var before: Int64
        public var after: Int64
    }

    /// The split of each UTC day of `days`; nil for a day in which the
    /// offset changes (the moments of such a day are asked one by one).
    public func daySplits(_ days: ClosedRange<Int64>) -> [DaySplit?] {
        let perDay = TimeScale.perDay
        var next = transitions.partitionPoint { $0 < days.lowerBound * perDay }
        var splits: [DaySplit?] = []
        splits.reserveCapacity(days.count)
        for day in days {
            let start = day * perDay, end = start + perDay
            var changes = false
            while next < transitions.count, transitions[next] < end {
                changes = true
                next += 1
            }
            if changes {
                splits.append(nil)
                continue
            }
            let offset = offsets[next]
            let localDay = ZoneClock.floorDiv(start + offset, perDay)
            let midnight = (localDay + 1) * perDay - offset
            splits.append(midnight < end ? DaySplit(cut: midnight, before: localDay, after: localDay + 1)
                                         : DaySplit(cut: .max, before: localDay, after: localDay))
        }
        return splits
    }
}
