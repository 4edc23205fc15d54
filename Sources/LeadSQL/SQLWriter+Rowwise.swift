import LeadEngine

/// `running(m)` and `of_total(m)` as window functions over the grouped rows:
/// running sums down the rows in the order the result shows them (the
/// `order by` keys, then the groups), shares of the column's total, and
/// running ratios as a running numerator over a running denominator; all
/// before `having`, `top` and `limit` cut the rows, as the in-memory engine
/// computes them. A missing value counts as zero, and a zero total gives null.
extension SQLWriter {
    /// The column of the grouped rows' place in the result's order.
    static let rowPosition = "row_in_order"

    /// The grouped rows with each running or of_total column computed, or
    /// `source` itself when the query has none.
    func rowwise(_ query: BoundQuery, keys: [String], from source: String, order: [String]) -> String {
        guard query.measures.contains(where: { $0.rowwise != nil }) else { return source }
        func value(_ m: Int) -> String { "CAST(coalesce(m\(m + 1), 0) AS \(dialect.doubleType))" }
        let window = order.isEmpty ? "" : "ORDER BY " + order.joined(separator: ", ") + " "
        func running(_ m: Int) -> String { "sum(\(value(m))) OVER (\(window)ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)" }
        func total(_ m: Int) -> String { "nullif(sum(\(value(m))) OVER (), 0)" }
        let columns = keys + query.measures.indices.map { index -> String in
            let alias = "m\(index + 1)"
            switch query.measures[index].rowwise {
            case nil: return alias
            case .running?: return "\(running(index)) AS \(alias)"
            case .ofTotal?: return "\(value(index)) / \(total(index)) AS \(alias)"
            case .runningOfTotal?: return "\(running(index)) / \(total(index)) AS \(alias)"
            case .runningRatio(let numerator, let denominator)?:
                return "\(running(numerator)) / nullif(\(running(denominator)), 0) AS \(alias)"
            }
        }
        // The rows' order, kept: an `order by` a running column sorts by the values before they run.
        let position = (order.isEmpty ? "1" : "row_number() OVER (\(window.trimmingCharacters(in: .whitespaces)))") + " AS \(Self.rowPosition)"
        return "(\n" + Self.indent("SELECT \((columns + [position]).joined(separator: ",\n  "))\nFROM \(source)") + "\n) r"
    }
}
