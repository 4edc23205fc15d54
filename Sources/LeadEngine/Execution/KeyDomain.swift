import LeadStore

/// The finite set of values a group key can take (dictionary codes, a range
/// of buckets or counts, plus null), so each combination of keys addresses a
/// slot of a flat array directly: no hashing, no strings.
struct KeyDomain {
    let key: BoundKey
    /// How many values, the last one standing for null.
    let size: Int
    /// The key value of slot 0 (for ranges).
    let low: Int64
    /// For calendar buckets: each day's slot, from `firstDay` on.
    private let dayTable: [UInt32]
    private let firstDay: Int64
    /// Wall-clock times of bucket keys, when the session's zone is not UTC.
    private let clock: ZoneClock?
    /// Outside UTC, for each UTC day from `firstDay`: how far into it the local
    /// midnight falls (a day's length when none does; -1 for a day whose
    /// offset changes) and the slots before and after.
    private let cuts: [Int64]
    private let slotsAfter: [UInt32]

    var nullSlot: Int { size - 1 }

    /// The domain of a key, or nil when its values are not a small range.
    init?(_ key: BoundKey, store: LeadStore, buckets: TimeBuckets) {
        self.key = key
        switch key {
        case .column(let column):
            switch column.data {
            case .text(let text):
                size = text.dictionary.count + 1
                low = 0
            case .count:
                let extents = column.grain == .lead ? store.leadExtents : store.touchExtents
                let extent = extents[column.name] ?? 0...0
                guard extent.upperBound - extent.lowerBound < 1 << 20 else { return nil }
                low = extent.lowerBound
                size = Int(extent.upperBound - extent.lowerBound) + 2
            default:
                return nil
            }
            dayTable = []
            firstDay = 0
            clock = nil
            cuts = []
            slotsAfter = []
        case .bucket(let column, let unit):
            let extent = Self.extent(of: column, store: store)
            let zoned = !buckets.zone.isUTC
            clock = zoned ? ZoneClock(zone: buckets.zone, over: extent) : nil
            // Wall-clock times stay within a day of the moment, so a day either side covers every bucket.
            let margin = zoned ? TimeScale.perDay : 0
            let first = unit.isCyclic ? 0 : buckets.bucket(wall: extent.lowerBound - margin, unit)
            let last = unit.isCyclic ? Int64(unit.cycle - 1) : buckets.bucket(wall: extent.upperBound + margin, unit)
            guard last - first < 1 << 20 else { return nil }
            low = first
            size = Int(last - first) + 2
            let days = (TimeBuckets.floorDiv(extent.lowerBound, TimeScale.perDay), TimeBuckets.floorDiv(extent.upperBound, TimeScale.perDay))
            var table: [UInt32] = [], cuts: [Int64] = [], after: [UInt32] = []
            if unit.isCalendar || zoned, unit != .hour, unit != .hourOfDay, days.1 - days.0 < 4_000_000 {
                firstDay = days.0
                if zoned {
                    // Each UTC day's slots either side of the local midnight within it.
                    for split in buckets.zone.daySplits(days.0...days.1) {
                        let slot = { (day: Int64) in UInt32(buckets.bucket(wall: day * TimeScale.perDay, unit) - first) }
                        table.append(split.map { slot($0.before) } ?? 0)
                        after.append(split.map { slot($0.after) } ?? 0)
                        let start = (days.0 + Int64(cuts.count)) * TimeScale.perDay
                        cuts.append(split.map { min($0.cut, start + TimeScale.perDay) - start } ?? -1)
                    }
                } else {
                    table = (days.0...days.1).map { UInt32(buckets.bucket(wall: $0 * TimeScale.perDay, unit) - first) }
                }
            } else {
                firstDay = 0
            }
            dayTable = table
            self.cuts = cuts
            slotsAfter = after
        case .ranges(_, let bounds):
            size = bounds.bucketCount + 1
            low = 0
            dayTable = []
            firstDay = 0
            clock = nil
            cuts = []
            slotsAfter = []
        case .condition:
            size = 3
            low = 0
            dayTable = []
            firstDay = 0
            clock = nil
            cuts = []
            slotsAfter = []
        }
    }

    /// The smallest and largest value of a timestamp key: the store's extent,
    /// or the column's own for one the store does not hold (`next_due_at`).
    private static func extent(of column: ColumnRef, store: LeadStore) -> ClosedRange<Int64> {
        let extents = column.grain == .lead ? store.leadExtents : store.touchExtents
        if let extent = extents[column.name] { return extent }
        guard case .timestamp(let values) = column.data else { return 0...0 }
        var low = Int64.max, high = Int64.min
        for value in values where value != Null.timestamp {
            low = min(low, value)
            high = max(high, value)
        }
        return low <= high ? low...high : 0...0
    }

    /// The key value of a slot; `Grouping.nullKey` for the null slot.
    func value(ofSlot slot: Int) -> Int64 {
        slot == nullSlot ? Grouping.nullKey : low + Int64(slot)
    }

    /// Adds `slot(row) × stride` to each entry of `slots`.
    func accumulate(_ rows: [UInt32], space: RowSpace, buckets: TimeBuckets, stride: Int, into slots: inout [UInt32]) {
        let nullSlot = UInt32(self.nullSlot), stride = UInt32(stride), low = self.low
        slots.withUnsafeMutableBufferPointer { slots in
            switch key {
            case .column(let column):
                space.withIndices(rows, of: column) { index in
                    switch column.data {
                    case .text(let text):
                        text.codes.withReader { codes in
                            for i in 0..<index.count {
                                let code = codes[Int(index[i])]
                                slots[i] &+= (code == Null.textCode ? nullSlot : code) &* stride
                            }
                        }
                    case .count(let values):
                        values.withUnsafeBufferPointer { values in
                            for i in 0..<index.count {
                                let value = values[Int(index[i])]
                                slots[i] &+= (value == Null.count ? nullSlot : UInt32(Int64(value) - low)) &* stride
                            }
                        }
                    default: break
                    }
                }
            case .ranges(let column, let bounds):
                bounds.accumulate(column, rows: rows, space: space, nullSlot: nullSlot, stride: stride, into: slots)
            case .condition(let predicate):
                // Truth 0, 1, 2 (false, unknown, true) to slot 0, null, 1.
                let truth = PredicateEvaluator(space: space).evaluate(predicate, rows: rows)
                let slotOfTruth: [UInt32] = [0, nullSlot, 1]
                for i in 0..<truth.count { slots[i] &+= slotOfTruth[Int(truth[i])] &* stride }
            case .bucket(let column, let unit):
                guard case .timestamp(let times) = column.data else { return }
                space.withIndices(rows, of: column) { index in
                    times.withUnsafeBufferPointer { times in
                        if !dayTable.isEmpty {
                            // Every value is at or after the first day's start, so the day is an unsigned division.
                            let origin = firstDay &* TimeScale.perDay, perDay = UInt64(TimeScale.perDay)
                            dayTable.withUnsafeBufferPointer { table in
                                if let clock {
                                    cuts.withUnsafeBufferPointer { cuts in
                                        slotsAfter.withUnsafeBufferPointer { after in
                                            for i in 0..<index.count {
                                                let t = times[Int(index[i])]
                                                guard t != Null.timestamp else { slots[i] &+= nullSlot &* stride; continue }
                                                let since = UInt64(bitPattern: t &- origin), day = Int(since / perDay)
                                                let into = Int64(bitPattern: since &- UInt64(day) &* perDay), cut = cuts[day]
                                                guard cut >= 0 else {
                                                    slots[i] &+= UInt32(buckets.bucket(wall: clock.local(t), unit) - low) &* stride
                                                    continue
                                                }
                                                // All ones before the local midnight, zero from it on: no branch to mispredict.
                                                let before = UInt32(truncatingIfNeeded: (into &- cut) >> 63)
                                                let local = after[day] ^ ((table[day] ^ after[day]) & before)
                                                slots[i] &+= local &* stride
                                            }
                                        }
                                    }
                                    return
                                }
                                for i in 0..<index.count {
                                    let t = times[Int(index[i])]
                                    let day = Int(UInt64(bitPattern: t &- origin) / perDay)
                                    let local = t == Null.timestamp ? nullSlot : table[day]
                                    slots[i] &+= local &* stride
                                }
                            }
                        } else {
                            for i in 0..<index.count {
                                let t = times[Int(index[i])]
                                let local = t == Null.timestamp ? nullSlot : UInt32(buckets.bucket(wall: clock?.local(t) ?? t, unit) - low)
                                slots[i] &+= local &* stride
                            }
                        }
                    }
                }
            }
        }
    }
}
