import LeadEngine

/// Why a result cannot be charted, in the analyst's words.
public struct ChartError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// Which chart a result makes: its keys are the leading columns (the `by`
/// terms), its measures the numeric columns after them; a time key lays the
/// chart out over time, any other key as bars, a second key as one series
/// per value; several measures give one panel each, stacked.
public enum ChartPlan {
    /// More series than this do not read apart.
    public static let maximumSeries = 8

    public static func panels(for table: ResultTable) throws(ChartError) -> [ChartPanel] {
        let keyCount = table.keyCount ?? table.columns.prefix { !isMeasure($0) }.count
        guard keyCount <= 2 else { throw ChartError(description: RenderMessages.tooManyKeys(keyCount)) }
        let keys = Array(table.columns.prefix(keyCount))
        let measures = table.columns.dropFirst(keyCount).filter(isMeasure)
        guard !measures.isEmpty else { throw ChartError(description: RenderMessages.nothingToChart) }
        let title = { (measure: ResultColumn) in
            Printable.escape(keys.isEmpty ? measure.name : measure.name + " by " + keys.map(\.name).joined(separator: ", "))
        }
        switch keys.count {
        case 0:
            return measures.map { measure in
                let names = table.rowCount == 1 ? [measure.name] : (0..<table.rowCount).map { String($0 + 1) }
                return panel(title(measure), .bars, CategoryLabels(rows: [], names: names), measure, table)
            }
        case 1:
            let shape = shape(of: keys[0])
            let labels = CategoryLabels(column: keys[0], rows: Array(0..<table.rowCount))
            return measures.map { panel(title($0), shape, labels, $0, table) }
        default:
            return try measures.map { measure throws(ChartError) in try seriesPanel(title(measure), keys[0], keys[1], measure, table) }
        }
    }

    static func isMeasure(_ column: ResultColumn) -> Bool {
        switch column.kind {
        case .count, .ratio, .duration, .number: true
        default: false
        }
    }

    private static func shape(of key: ResultColumn) -> ChartPanel.Shape {
        if case .bucket(let unit) = key.kind, !unit.isCyclic { return .overTime(unit) }
        return .bars
    }

    private static func panel(_ title: String, _ shape: ChartPanel.Shape, _ labels: CategoryLabels, _ measure: ResultColumn,
                              _ table: ResultTable) -> ChartPanel {
        let series = ChartSeries(name: measure.name, values: numbers(measure),
                                 bands: measure.bands ?? Array(repeating: nil, count: table.rowCount))
        return ChartPanel(title: title, shape: shape, labels: labels, series: [series], kind: measure.kind,
                          rule: measure.bandRule, rowCount: table.rowCount)
    }

    /// Two keys: the first along the axis, one series per value of the second.
    private static func seriesPanel(_ title: String, _ first: ResultColumn, _ second: ResultColumn, _ measure: ResultColumn,
                                    _ table: ResultTable) throws(ChartError) -> ChartPanel {
        var categoryOf: [UInt64: Int] = [:], categoryRows: [Int] = []
        var seriesOf: [UInt64: Int] = [:], seriesRows: [Int] = []
        categoryOf.reserveCapacity(table.rowCount)
        let firstKeys = keyCodes(first), secondKeys = keyCodes(second)
        var cells: [(category: Int, series: Int)] = []
        cells.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            let category = index(firstKeys[row], in: &categoryOf, rows: &categoryRows, row: row)
            let series = index(secondKeys[row], in: &seriesOf, rows: &seriesRows, row: row)
            cells.append((category, series))
        }
        guard seriesRows.count <= maximumSeries else {
            throw ChartError(description: RenderMessages.tooManySeries(seriesRows.count, key: second.name))
        }
        let names = CategoryLabels(column: second, rows: seriesRows)
        var series = seriesRows.indices.map { ChartSeries(name: names.label($0), values: Array(repeating: nil, count: categoryRows.count),
                                                          bands: Array(repeating: nil, count: categoryRows.count)) }
        let values = numbers(measure), bands = measure.bands
        for (row, cell) in cells.enumerated() {
            series[cell.series].values[cell.category] = values[row]
            series[cell.series].bands[cell.category] = bands?[row]
        }
        return ChartPanel(title: title, shape: shape(of: first), labels: CategoryLabels(column: first, rows: categoryRows),
                          series: series, kind: measure.kind, rule: measure.bandRule, rowCount: table.rowCount)
    }

    private static func index(_ key: UInt64, in map: inout [UInt64: Int], rows: inout [Int], row: Int) -> Int {
        if let index = map[key] { return index }
        map[key] = rows.count
        rows.append(row)
        return rows.count - 1
    }
}

extension ChartPlan {
    /// A column's values as numbers, read in one pass; null, and an infinite
    /// quotient that no axis can hold, as nil.
    static func numbers(_ column: ResultColumn) -> [Double?] {
        switch column.values {
        case .ints(let values): values.map { $0 == Int64.min ? nil : Double($0) }
        case .doubles(let values): values.map { $0.isFinite ? $0 : nil }
        case .text, .strings: Array(repeating: nil, count: column.count)
        }
    }

    /// A key column's values as codes that are equal exactly when the values are, read in one pass.
    static func keyCodes(_ column: ResultColumn) -> [UInt64] {
        switch column.values {
        case .ints(let values): return values.map { UInt64(bitPattern: $0) }
        case .doubles(let values): return values.map { $0.isNaN ? UInt64.max : ($0 == 0 ? 0 : $0.bitPattern) }
        case .text(let codes, _): return codes.map(UInt64.init)
        case .strings(let values):
            var codeOf: [String?: UInt64] = [:]
            return values.map { value in
                if let code = codeOf[value] { return code }
                let code = UInt64(codeOf.count)
                codeOf[value] = code
                return code
            }
        }
    }
}
