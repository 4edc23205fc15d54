import LeadQuery
import LeadStore

/// Puts each measure beside its earlier value: `m`, `m_previous`, `m_change`
/// (`m − m_previous`, null where either is), the earlier row found by the
/// same keys with the time bucket moved back.
struct PeriodComparison {
    let comparison: BoundComparison
    let buckets: TimeBuckets

    func add(to table: ResultTable, earlier: ResultTable) -> ResultTable {
        let keyCount = table.keyCount ?? 0
        var rowOfKey: [String: Int] = [:]
        for row in 0..<earlier.rowCount { rowOfKey[key(earlier, row, keyCount, shift: false)] = row }
        let match = (0..<table.rowCount).map { rowOfKey[key(table, $0, keyCount, shift: true)] }
        var result = table
        result.columns = Array(table.columns[..<keyCount])
        for (offset, column) in table.columns.enumerated().dropFirst(keyCount) {
            let before = earlier.columns[offset]
            let current = (0..<table.rowCount).map { column.number($0) ?? .nan }
            let previous = match.map { row in row.flatMap { before.number($0) } ?? .nan }
            var previousColumn = ResultColumn(name: column.name + "_previous", kind: column.kind, values: Self.values(previous, like: column))
            previousColumn.bandRule = nil
            var change = ResultColumn(name: column.name + "_change", kind: column.kind,
                                      values: Self.values(zip(current, previous).map { $0 - $1 }, like: column))
            change.isChange = true
            result.columns += [column, previousColumn, change]
        }
        return result
    }

    /// A row's keys as one string, the time key moved to its earlier bucket when `shift`.
    private func key(_ table: ResultTable, _ row: Int, _ keyCount: Int, shift: Bool) -> String {
        (0..<keyCount).map { index -> String in
            var cell = table.columns[index].cell(row)
            if shift, let time = comparison.timeGroup, time.index == index, case .int(let bucket) = cell {
                cell = .int(comparison.kind == .previous
                    ? bucket - 1
                    : buckets.bucket(Analyzer.yearEarlier(buckets.start(of: bucket, time.unit)), time.unit))
            }
            return "\(cell)"
        }.joined(separator: "\u{1}")
    }

    /// Values stored as the measure's own column stores them.
    private static func values(_ numbers: [Double], like column: ResultColumn) -> ResultColumn.Values {
        if case .ints = column.values { return .ints(numbers.map { $0.isNaN ? Int64.min : Int64($0.rounded()) }) }
        return .doubles(numbers)
    }
}
