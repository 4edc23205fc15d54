import LeadEngine
import LeadQuery
import LeadStore

/// `vs previous` and `vs last year`, as the in-memory engine answers them:
/// the query's rows as shown (`having`, order and limit applied, running
/// totals in that order), each beside the row of an earlier run with the
/// same keys, the time key moved back one bucket or a year. The earlier run
/// is the same query over the comparison's `during` span, without `having`,
/// `order by` or a limit; with neither span, the rows themselves. Each shown
/// measure `m` becomes `m`, `m_previous` and `m_change` (`m − m_previous`,
/// null when either is).
extension SQLWriter {
    /// The column of a compared row's place in the result.
    static let comparedPosition = "compared_order"

    func compared(_ query: BoundQuery, _ comparison: BoundComparison) -> String {
        var earlier = query
        earlier.comparison = nil
        earlier.during = comparison.during
        (earlier.having, earlier.order, earlier.limit) = (nil, [], nil)
        let same = comparison.during == nil && query.during == nil && query.having == nil && query.order.isEmpty && query.limit == nil
        var parts = derivedFields
        let keys = query.groups.indices.map { "k\($0 + 1)" }
        parts.append(("current_rows", ranked(query)))
        if !same { parts.append(("earlier_rows", ranked(earlier))) }
        var shown = query.groups.enumerated().map { index, group in
            "\(presented("c.\(keys[index])", kind: group.kind)) AS \(dialect.identifier(group.name))"
        }
        for (index, measure) in query.measures.enumerated() where !measure.hidden {
            let m = "m\(index + 1)"
            shown += [
                "\(presented("c.\(m)", kind: measure.kind)) AS \(dialect.identifier(measure.name))",
                "\(presented("p.\(m)", kind: measure.kind)) AS \(dialect.identifier(measure.name + "_previous"))",
                "\(presented("(c.\(m) - p.\(m))", kind: measure.kind)) AS \(dialect.identifier(measure.name + "_change"))",
            ]
        }
        let on = keys.isEmpty ? "1 = 1" : keys.enumerated().map { index, key in
            dialect.sameKey("(" + earlierKey("c.\(key)", index: index, comparison) + ")", "p.\(key)")
        }.joined(separator: " AND ")
        let text = "SELECT " + shown.joined(separator: ",\n  ") + "\nFROM current_rows c\n"
            + "LEFT JOIN \(same ? "current_rows" : "earlier_rows") p ON \(on)\nORDER BY c.\(Self.comparedPosition)"
        return with(parts, then: text)
    }

    /// One run's rows in the engine's units, as the result shows them, with their place.
    private func ranked(_ query: BoundQuery) -> String {
        let (parts, keys, source) = grouped(query)
        let aliases = keys + query.measures.indices.map { "m\($0 + 1)" }
        var order = resultOrder(query, keys: keys)
        let from = rowwise(query, keys: keys, from: source, order: order)
        if query.measures.contains(where: { $0.rowwise != nil }) { order = [Self.rowPosition] }
        let place = (order.isEmpty ? "1" : "row_number() OVER (ORDER BY \(order.joined(separator: ", ")))") + " AS \(Self.comparedPosition)"
        var text = "SELECT " + (aliases + [place]).joined(separator: ", ") + "\nFROM " + from
        if let having = query.having { text += "\nWHERE " + condition(having, aliases: aliases) }
        if let limit = query.limit { text += "\nORDER BY \(Self.comparedPosition)\nLIMIT \(limit)" }
        return with(parts, then: text)
    }

    /// The key of the earlier row a row meets: the time key one bucket back,
    /// or a year back (a bucket's start a year earlier, 29 February as the
    /// 28th, and the bucket that holds it).
    private func earlierKey(_ key: String, index: Int, _ comparison: BoundComparison) -> String {
        guard let time = comparison.timeGroup, time.index == index else { return key }
        if comparison.kind == .previous { return "\(key) - 1" }
        switch time.unit {
        case .month: return "\(key) - 12"
        case .quarter: return "\(key) - 4"
        case .year: return "\(key) - 1"
        case .day: return dayYearEarlier(key)
        case .hour:
            let day = "CAST(floor(\(key) / 24.0) AS bigint)"
            return "\(dayYearEarlier(day)) * 24 + (\(key) - \(day) * 24)"
        case .week:
            let origin = plan.buckets.weekStartsOnSunday ? 3 : 4
            return "CAST(floor((\(dayYearEarlier("\(key) * 7 + \(origin)")) - \(origin)) / 7.0) AS bigint)"
        case .hourOfDay, .weekday: return key
        }
    }

    /// The day number (days since 1970-01-01) of the same date a year before a day number.
    private func dayYearEarlier(_ day: String) -> String {
        switch dialect.name {
        case .postgres:
            return "CAST(CAST(DATE '1970-01-01' + CAST(\(day) AS integer) - INTERVAL '1 year' AS date) - DATE '1970-01-01' AS bigint)"
        case .duckdb:
            return "datediff('day', DATE '1970-01-01', CAST(DATE '1970-01-01' + CAST(\(day) AS INTEGER) - INTERVAL 1 YEAR AS DATE))"
        case .spark:
            return "CAST(datediff(add_months(date_add(DATE '1970-01-01', CAST(\(day) AS INT)), -12), DATE '1970-01-01') AS BIGINT)"
        }
    }
}
