import LeadStore

/// Which group each selected row belongs to, with group numbers dense from
/// zero and each group's key tuple. Keys are integers (dictionary codes,
/// bucket numbers, counts, number bit patterns; `Int64.min` is null), combined
/// through flat arrays where the key ranges allow, never through strings.
struct Grouping {
    /// The group of each selected row, parallel to the selection.
    var groupOfRow: [UInt32]
    /// The key tuple of each group.
    var keys: [[Int64]]

    static let nullKey = Int64.min
    static let flatLimit = 1 << 22

    init(rows: [UInt32], keys columns: [BoundKey], space: RowSpace, buckets: TimeBuckets) {
        groupOfRow = [UInt32](repeating: 0, count: rows.count)
        keys = [[]]
        for column in columns {
            let values = Self.keyValues(column, rows: rows, space: space, buckets: buckets)
            combine(with: values)
        }
    }

    /// The key of each row for one `by` term.
    static func keyValues(_ key: BoundKey, rows: [UInt32], space: RowSpace, buckets: TimeBuckets) -> [Int64] {
        switch key {
        case .bucket(let column, let unit):
            guard case .timestamp(let times) = column.data else { return [] }
            return space.withIndices(rows, of: column) { index in
                times.withUnsafeBufferPointer { t in
                    let zoned = !buckets.zone.isUTC
                    guard unit.isCalendar || zoned else {
                        return index.map { t[Int($0)] == Null.timestamp ? nullKey : buckets.bucket(t[Int($0)], unit) }
                    }
                    var low = Int64.max, high = Int64.min
                    for i in index where t[Int(i)] != Null.timestamp {
                        low = min(low, t[Int(i)])
                        high = max(high, t[Int(i)])
                    }
                    guard low <= high else { return index.map { _ in nullKey } }
                    // Wall-clock times through the zone's offsets laid out by day, never a search per row.
                    let clock = ZoneClock(zone: buckets.zone, over: low...high)
                    guard unit.isCalendar else {
                        return index.map { t[Int($0)] == Null.timestamp ? nullKey : buckets.bucket(wall: clock.local(t[Int($0)]), unit) }
                    }
                    // Calendar units through a table of each local day's bucket over the days present
                    // (an offset is under a day, so one day either side holds every local day).
                    let margin: Int64 = zoned ? 1 : 0
                    let first = TimeBuckets.floorDiv(low, TimeScale.perDay) - margin, last = TimeBuckets.floorDiv(high, TimeScale.perDay) + margin
                    guard last - first < 4_000_000 else {
                        return index.map { t[Int($0)] == Null.timestamp ? nullKey : buckets.bucket(t[Int($0)], unit) }
                    }
                    let table = (first...last).map { buckets.bucket(wall: $0 * TimeScale.perDay, unit) }
                    return table.withUnsafeBufferPointer { table in
                        zoned
                            ? index.map { t[Int($0)] == Null.timestamp ? nullKey : table[Int(TimeBuckets.floorDiv(clock.local(t[Int($0)]), TimeScale.perDay) - first)] }
                            : index.map { t[Int($0)] == Null.timestamp ? nullKey : table[Int(TimeBuckets.floorDiv(t[Int($0)], TimeScale.perDay) - first)] }
                    }
                }
            }
        case .ranges(let column, let bounds):
            return bounds.buckets(column, rows: rows, space: space, null: nullKey)
        case .condition(let predicate):
            let keyOfTruth: [Int64] = [0, nullKey, 1]
            return PredicateEvaluator(space: space).evaluate(predicate, rows: rows).map { keyOfTruth[Int($0)] }
        case .column(let column):
            return space.withIndices(rows, of: column) { index in
                switch column.data {
                case .text(let text):
                    return text.codes.withReader { c in index.map { c[Int($0)] == Null.textCode ? nullKey : Int64(c[Int($0)]) } }
                case .count(let values):
                    return values.withUnsafeBufferPointer { v in index.map { v[Int($0)] == Null.count ? nullKey : Int64(v[Int($0)]) } }
                case .timestamp(let values), .duration(let values):
                    return values.withUnsafeBufferPointer { v in index.map { v[Int($0)] == Null.timestamp ? nullKey : v[Int($0)] } }
                case .number(let values):
                    return values.withUnsafeBufferPointer { v in
                        index.map { let x = v[Int($0)]; return x.isNaN ? nullKey : Int64(bitPattern: (x == 0 ? 0 : x).bitPattern) }
                    }
                }
            }
        }
    }

    /// Refines the groups by one more key.
    private mutating func combine(with values: [Int64]) {
        let (local, distinct) = Self.densify(values)
        let cardinality = max(1, distinct.count)
        var newKeys: [[Int64]] = []
        if keys.count * cardinality <= Self.flatLimit {
            var table = [UInt32](repeating: .max, count: keys.count * cardinality)
            for row in groupOfRow.indices {
                let slot = Int(groupOfRow[row]) * cardinality + Int(local[row])
                if table[slot] == .max {
                    table[slot] = UInt32(newKeys.count)
                    newKeys.append(keys[Int(groupOfRow[row])] + [distinct[Int(local[row])]])
                }
                groupOfRow[row] = table[slot]
            }
        } else {
            var table: [UInt64: UInt32] = [:]
            for row in groupOfRow.indices {
                let slot = UInt64(groupOfRow[row]) * UInt64(cardinality) + UInt64(local[row])
                if let group = table[slot] {
                    groupOfRow[row] = group
                } else {
                    let group = UInt32(newKeys.count)
                    table[slot] = group
                    newKeys.append(keys[Int(groupOfRow[row])] + [distinct[Int(local[row])]])
                    groupOfRow[row] = group
                }
            }
        }
        keys = newKeys.isEmpty && groupOfRow.isEmpty ? [] : newKeys
    }

    /// Each value's index among the distinct values, and the distinct values.
    private static func densify(_ values: [Int64]) -> (local: [UInt32], distinct: [Int64]) {
        var low = Int64.max, high = Int64.min
        for value in values where value != nullKey {
            low = min(low, value)
            high = max(high, value)
        }
        var distinct: [Int64] = []
        if low <= high, high.subtractingReportingOverflow(low).partialValue < Int64(flatLimit), !high.subtractingReportingOverflow(low).overflow {
            var table = [UInt32](repeating: .max, count: Int(high - low) + 2)
            let nullSlot = table.count - 1
            let local = values.map { value -> UInt32 in
                let slot = value == nullKey ? nullSlot : Int(value - low)
                if table[slot] == .max {
                    table[slot] = UInt32(distinct.count)
                    distinct.append(value)
                }
                return table[slot]
            }
            return (local, distinct)
        }
        var table: [Int64: UInt32] = [:]
        let local = values.map { value -> UInt32 in
            if let index = table[value] { return index }
            let index = UInt32(distinct.count)
            table[value] = index
            distinct.append(value)
            return index
        }
        return (local, distinct)
    }
}
