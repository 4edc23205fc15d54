import LeadEngine
import LeadQuery

/// One chart of one measure, ready to draw in any medium: the categories
/// along its axis, one or more series of values, the measure's kind (which
/// decides how values read) and its band lines. Terminal, SVG and HTML
/// drawings all start from panels, so they share one layout.
public struct ChartPanel: Sendable {
    /// How the categories are laid out.
    public enum Shape: Sendable, Equatable {
        /// Columns (one series) or points (several) over a time axis.
        case overTime(TimeUnit)
        /// Horizontal bars, in result order.
        case bars
    }

    public var title: String
    public var shape: Shape
    /// The label of each category, drawn lazily: a big result labels only what is shown.
    var labels: CategoryLabels
    public var series: [ChartSeries]
    /// The measure's kind, which decides how values and axis ticks read.
    public var kind: ValueKind
    /// The band lines, for banded KPIs; the excellent line (the target, when one is set) is drawn.
    public var rule: BandRule?
    /// Result rows averaged into each point (1 unless downsampled).
    public var perPoint = 1
    /// Rows of the result this panel stands for.
    public var rowCount: Int

    public var categoryCount: Int { labels.count }
    public func label(_ index: Int) -> String { labels.label(index) }
    public var isBanded: Bool { series.contains { $0.bands.contains { $0 != nil } } }
    public var hasValues: Bool { series.contains { $0.values.contains { $0 != nil } } }

    /// The smallest and largest value, with zero and the band line included.
    public var valueRange: (low: Double, high: Double) { valueRange(categories: Int.max) }

    /// The same over the first `categories` categories only (the bars drawn).
    public func valueRange(categories: Int) -> (low: Double, high: Double) {
        var low = 0.0, high = 0.0
        for series in series {
            for case let value? in series.values.prefix(categories) {
                low = min(low, value)
                high = max(high, value)
            }
        }
        if let rule, hasValues {
            low = min(low, rule.excellent)
            high = max(high, rule.excellent)
        }
        return (low, high)
    }

    /// How a value of this measure reads (`87.3%`, `5.2h`, `1,234`).
    public func format(_ value: Double) -> String { ValueFormatter.display(value: value, kind: kind) }

    /// At most `limit` points: consecutive categories averaged together, each
    /// point labelled by its first category and banded again by its average.
    public func downsampled(toAtMost limit: Int) -> ChartPanel {
        guard limit > 0, categoryCount > limit else { return self }
        let size = (categoryCount + limit - 1) / limit
        var panel = self
        panel.perPoint = perPoint * size
        panel.labels = labels.every(size)
        panel.series = series.map { $0.averaged(by: size, rule: rule) }
        return panel
    }
}

/// One line of values in a chart: the measure itself, or one value of a second key.
public struct ChartSeries: Sendable {
    public var name: String
    public var values: [Double?]
    public var bands: [Band?]

    func averaged(by size: Int, rule: BandRule?) -> ChartSeries {
        var result = ChartSeries(name: name, values: [], bands: [])
        var start = 0
        while start < values.count {
            let end = min(start + size, values.count)
            var sum = 0.0, count = 0
            for case let value? in values[start..<end] {
                sum += value
                count += 1
            }
            let mean: Double? = count == 0 ? nil : sum / Double(count)
            result.values.append(mean)
            result.bands.append(mean.flatMap { value in rule.map { $0.band(for: value) } } ?? nil)
            start = end
        }
        return result
    }
}

/// The labels of a panel's categories: rows of a key column, labelled on demand.
struct CategoryLabels: Sendable {
    var column: ResultColumn?
    /// The row whose key labels each category; nil uses `names`.
    var rows: [Int]
    var names: [String] = []

    var count: Int { column == nil ? names.count : rows.count }

    func label(_ index: Int) -> String {
        guard let column else { return Printable.escape(names[index]) }
        return ValueFormatter.display(column.cell(rows[index]), in: column).map(Printable.escape) ?? "—"
    }

    func every(_ size: Int) -> CategoryLabels {
        var labels = self
        if column == nil {
            labels.names = stride(from: 0, to: names.count, by: size).map { names[$0] }
        } else {
            labels.rows = stride(from: 0, to: rows.count, by: size).map { rows[$0] }
        }
        return labels
    }
}
