import LeadQuery
import LeadStore

/// Runs a bound query: for each grain its measures need, select the rows,
/// group them, compute every measure per group; then join the grains on the
/// group keys, fill empty time buckets, filter by `having`, order and limit.
package struct QueryExecutor {
    let store: LeadStore
    let settings: Settings
    var isCancelled: (@Sendable () -> Bool)?

    func run(_ query: BoundQuery) throws(Diagnostic) -> ResultTable {
        let buckets = settings.buckets
        var rowOfKey: [[Int64]: Int] = [:]
        var keyOfRow: [[Int64]] = []
        var values = [[Double]](repeating: [], count: query.measures.count)
        var present = [[Bool]](repeating: [], count: query.measures.count)

        func row(for key: [Int64]) -> Int {
            if let row = rowOfKey[key] { return row }
            rowOfKey[key] = keyOfRow.count
            keyOfRow.append(key)
            return keyOfRow.count - 1
        }

        for grain in [Grain.lead, .touch] where query.measures.contains(where: { $0.grain == grain }) {
            let pass = GrainPass(store: store, query: query, grain: grain, buckets: buckets, isCancelled: isCancelled)
            let result = pass.runInBatches() ?? pass.runMaterialized()
            if isCancelled?() == true { throw EngineMessages.interrupted }
            let globalRows = result.keys.map(row(for:))
            for (index, computed) in result.values {
                for (local, global) in globalRows.enumerated() {
                    Self.set(&values[index], &present[index], global, computed[local])
                }
            }
        }

        let unfilled = fillEmptyBuckets(query, rowFor: row, keyOfRow: keyOfRow)
        for (index, group) in query.groups.enumerated() {
            guard case .labels(let labels) = group.kind else { continue }
            // Every bucket of bucket(…), crossed with the other keys present.
            let others = Set(keyOfRow.map { key -> [Int64] in var k = key; k.remove(at: index); return k })
            for other in others.isEmpty && query.groups.count == 1 ? [[]] : Array(others) {
                for bucket in labels.indices {
                    var key = other
                    key.insert(Int64(bucket), at: index)
                    _ = row(for: key)
                }
            }
        }
        let rowCount = keyOfRow.count
        var table = ResultTable(columns: [], rowCount: rowCount)
        for (index, group) in query.groups.enumerated() {
            table.columns.append(groupColumn(group, keys: keyOfRow.map { $0[index] }, buckets: buckets))
        }
        for (index, measure) in query.measures.enumerated() {
            let column = (0..<rowCount).map { row in
                row < values[index].count && present[index][row] ? values[index][row] : measure.formula.emptyValue
            }
            table.columns.append(Self.measureColumn(measure, column))
        }
        table.warnings = query.warnings + (unfilled.map { [EngineMessages.unfilledWarning($0)] } ?? [])
        table.keyCount = query.groups.count
        table = ResultOrdering.defaultOrder(table, groupCount: query.groups.count)
        table = ResultOrdering.order(table, by: query.order)
        table = RowwiseMeasures.apply(table, query: query)
        if let having = query.having { table = HavingFilter(table: table).apply(having) }
        if let limit = query.limit, limit < table.rowCount { table = table.gathered(Array(0..<limit)) }
        let hidden = Set(query.measures.indices.filter { query.measures[$0].hidden }.map { query.groups.count + $0 })
        table.columns = table.columns.enumerated().filter { !hidden.contains($0.offset) }.map(\.element)
        if let comparison = query.comparison {
            var earlier = query
            earlier.comparison = nil
            earlier.during = comparison.during
            (earlier.having, earlier.order, earlier.limit) = (nil, [], nil)
            // Over the same rows, uncut and in its own order, the earlier run would give this very table.
            let same = comparison.during == nil && query.during == nil && query.having == nil && query.order.isEmpty && query.limit == nil
            table = PeriodComparison(comparison: comparison, buckets: buckets).add(to: table, earlier: same ? table : try run(earlier))
        }
        return table

        func fillEmptyBuckets(_ query: BoundQuery, rowFor: ([Int64]) -> Int, keyOfRow: [[Int64]]) -> String? {
            let bucketColumns = query.groups.indices.filter { if case .bucket = query.groups[$0].kind { true } else { false } }
            guard bucketColumns.count == 1, let b = bucketColumns.first, case .bucket(let unit) = query.groups[b].kind else { return nil }
            var low: Int64, high: Int64
            if unit.isCyclic {
                // Every hour of the day, every day of the week.
                low = 0
                high = Int64(unit.cycle - 1)
            } else if let during = query.during {
                low = buckets.bucket(during.start, unit)
                high = buckets.bucket(during.end - 1, unit)
            } else {
                let observed = keyOfRow.map { $0[b] }.filter { $0 != Grouping.nullKey }
                guard let first = observed.min(), let last = observed.max() else { return nil }
                low = first
                high = last
            }
            guard high >= low else { return nil }
            guard high - low < 10_000 else { return EngineMessages.unfilledBuckets(unit, spans: high - low + 1) }
            var others = Set(keyOfRow.map { key -> [Int64] in var k = key; k.remove(at: b); return k })
            if others.isEmpty { others = query.groups.count == 1 ? [[]] : [] }
            guard others.count * Int(high - low + 1) <= 100_000 else {
                return EngineMessages.unfilledRows(unit, spans: high - low + 1, others: others.count)
            }
            for other in others {
                for bucket in low...high {
                    var key = other
                    key.insert(bucket, at: b)
                    _ = rowFor(key)
                }
            }
            return nil
        }
    }

    private static func set(_ values: inout [Double], _ present: inout [Bool], _ row: Int, _ value: Double) {
        if values.count <= row {
            values += [Double](repeating: .nan, count: row + 1 - values.count)
            present += [Bool](repeating: false, count: row + 1 - present.count)
        }
        values[row] = value
        present[row] = true
    }

    private func groupColumn(_ group: BoundGroup, keys: [Int64], buckets: TimeBuckets) -> ResultColumn {
        let key = group.keys[.lead] ?? group.keys[.touch]!
        switch key {
        case .bucket:
            return ResultColumn(name: group.name, kind: group.kind, values: .ints(keys), buckets: buckets)
        case .condition, .ranges:
            return ResultColumn(name: group.name, kind: group.kind, values: .ints(keys))
        case .column(let column):
            switch column.data {
            case .text(let text):
                let codes = keys.map { $0 == Grouping.nullKey ? Null.textCode : UInt32($0) }
                return ResultColumn(name: group.name, kind: .text, values: .text(codes, text.dictionary))
            case .number:
                return ResultColumn(name: group.name, kind: .number,
                                    values: .doubles(keys.map { $0 == Grouping.nullKey ? .nan : Double(bitPattern: UInt64(bitPattern: $0)) }))
            case .duration:
                // Stored units, as every duration a result holds, so renderers show hours and 30min alike.
                return ResultColumn(name: group.name, kind: .duration, values: .doubles(keys.map { $0 == Grouping.nullKey ? .nan : Double($0) }))
            default:
                return ResultColumn(name: group.name, kind: group.kind, values: .ints(keys))
            }
        }
    }

    package static func measureColumn(_ measure: BoundMeasure, _ values: [Double]) -> ResultColumn {
        let stored: ResultColumn.Values
        switch measure.kind {
        case .count, .timestamp: stored = .ints(values.map { $0.isNaN ? Int64.min : Int64($0.rounded()) })
        default: stored = .doubles(values)
        }
        let bands = measure.band.map { rule in values.map { $0.isNaN ? nil : rule.band(for: $0) } }
        var column = ResultColumn(name: measure.name, kind: measure.kind, values: stored, bands: bands)
        column.bandRule = measure.band
        return column
    }
}
