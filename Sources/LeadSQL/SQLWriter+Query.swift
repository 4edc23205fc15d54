import LeadEngine
import LeadQuery
import LeadStore

/// A query: one aggregate per grain (`by_lead` over leads, `by_touch` over the
/// touches of known leads, only follow-ups when every touch measure counts
/// only follow-ups), joined on the group keys, the empty time buckets
/// filled in, then `having`, the order (asked keys, then the groups
/// ascending, nulls last, text case-insensitively then by bytes) and the limit.
extension SQLWriter {
    func query(_ query: BoundQuery) throws(Diagnostic) -> String {
        try supported(query)
        if let comparison = query.comparison { return compared(query, comparison) }
        let (parts, keys, source) = grouped(query)
        return with(derivedFields + parts, then: final(query, keys: keys, from: source))
    }

    /// The grouped rows of a query, before `having`, the order and the limit:
    /// the common table expressions after the derived fields, the keys' names,
    /// and the table that holds one row per group.
    func grouped(_ query: BoundQuery) -> (parts: [(name: String, body: String)], keys: [String], source: String) {
        var parts: [(name: String, body: String)] = []
        let keys = query.groups.indices.map { "k\($0 + 1)" }
        let grains = [Grain.lead, .touch].filter { grain in query.measures.contains { $0.grain == grain } }
        for grain in grains {
            parts.append((grain == .lead ? "by_lead" : "by_touch", self.grain(grain, of: query, keys: keys)))
        }
        let sources = grains.map { $0 == .lead ? "by_lead" : "by_touch" }
        let measures = query.measures.indices.map { "m\($0 + 1)" }
        let fill = filledBucket(query)
        let labelled = query.groups.enumerated().compactMap { index, group -> (Int, Int)? in
            if case .labels(let labels) = group.kind { return (index, labels.count) }
            return nil
        }
        if sources.count == 1 && (keys.isEmpty || (fill == nil && labelled.isEmpty)) {
            return (parts, keys, sources[0])
        }
        if keys.isEmpty {
            parts.append(("result", "SELECT \(measures.joined(separator: ", "))\nFROM \(sources.joined(separator: " CROSS JOIN "))"))
        } else if dialect.name == .spark, sources.count == 1, let fill, labelled.isEmpty, !fill.unit.isCyclic, query.during == nil {
            parts += filledInOneReading(fill, keys: keys, source: sources[0], query: query)
        } else {
            let observed = sources.map { "SELECT \(keys.joined(separator: ", ")) FROM \($0)" }.joined(separator: "\nUNION\n")
            var current = "observed"
            parts.append(("observed", observed))
            if let fill {
                parts += filledKeys(fill, keys: keys, query: query)
                parts.append(("filled_keys", "SELECT * FROM observed\nUNION\nSELECT \(keys.joined(separator: ", ")) FROM filled"))
                current = "filled_keys"
            }
            for (index, count) in labelled {
                let name = "\(keys[index])_buckets"
                parts.append((name, labelledKeys(index, count: count, keys: keys, from: current)))
                current = name
            }
            parts.append(("all_keys", "SELECT * FROM \(current)"))
            var select = keys.map { "g.\($0)" }
            var joins: [String] = []
            for source in sources {
                let alias = source == "by_lead" ? "a" : "b"
                let grain: Grain = source == "by_lead" ? .lead : .touch
                let on = keys.map { dialect.sameKey("\(alias).\($0)", "g.\($0)") }.joined(separator: " AND ")
                joins.append("LEFT JOIN \(source) \(alias) ON \(on)")
                for (m, measure) in query.measures.enumerated() where measure.grain == grain {
                    select.append("\(emptyValue(measure.formula, "\(alias).m\(m + 1)")) AS m\(m + 1)")
                }
            }
            parts.append(("result", "SELECT \(select.joined(separator: ", "))\nFROM all_keys g\n" + joins.joined(separator: "\n")))
        }
        return (parts, keys, "result")
    }

    /// The aggregate of one grain's rows: `where` and `during`, grouped.
    private func grain(_ grain: Grain, of query: BoundQuery, keys: [String]) -> String {
        // When every measure counts only follow-ups, `where` keeps only them and no aggregate repeats it.
        let followUpsOnly = grain == .touch && query.measures.filter { $0.grain == grain }.allSatisfy(\.readsFollowUpsOnly)
        var select = query.groups.enumerated().map { index, group in "\(key(group.keys[grain]!)) AS \(keys[index])" }
        for (m, measure) in query.measures.enumerated() where measure.grain == grain {
            select.append("\(aggregate(measure.formula, population: followUpsOnly ? nil : measure.population)) AS m\(m + 1)")
        }
        var text = "SELECT " + select.joined(separator: ",\n  ")
        text += grain == .lead ? "\nFROM lead_facts l" : "\nFROM touches t\nJOIN lead_facts l ON l.lead_id = t.lead_id"
        var filters: [String] = []
        if followUpsOnly { filters.append(predicate(.followUp)) }
        if let filter = query.filters[grain] { filters.append(predicate(filter)) }
        if let during = query.during {
            let time = grain == .lead ? "l.created_at" : "t.at"
            filters.append("\(time) >= \(timestamp(during.start)) AND \(time) < \(timestamp(during.end))")
        }
        if let condition = conjunction(filters) { text += "\nWHERE \(condition)" }
        if !keys.isEmpty { text += "\nGROUP BY " + keys.indices.map { String($0 + 1) }.joined(separator: ", ") }
        return text
    }

    /// The one bucket group whose empty buckets are filled, when there is exactly one.
    private func filledBucket(_ query: BoundQuery) -> (index: Int, unit: TimeUnit)? {
        let buckets = query.groups.enumerated().compactMap { index, group -> (Int, TimeUnit)? in
            if case .bucket(let unit) = group.kind { return (index, unit) }
            return nil
        }
        return buckets.count == 1 ? buckets[0] : nil
    }

    /// Every bucket from the first to the last (of `during`, or of the rows),
    /// for each combination of the other keys, as the in-memory engine fills
    /// them: at most 10,000 buckets and 100,000 rows.
    private func filledKeys(_ fill: (index: Int, unit: TimeUnit), keys: [String], query: BoundQuery) -> [(name: String, body: String)] {
        let bucketKey = keys[fill.index]
        let others = keys.enumerated().filter { $0.offset != fill.index }.map(\.element)
        var parts: [(name: String, body: String)] = []
        if fill.unit.isCyclic {
            parts.append(("bounds", "SELECT 0 AS low, \(fill.unit.cycle - 1) AS high"))
        } else if let during = query.during {
            let low = plan.buckets.bucket(during.start, fill.unit), high = plan.buckets.bucket(during.end - 1, fill.unit)
            parts.append(("bounds", "SELECT \(low) AS low, \(high) AS high"))
        } else {
            parts.append(("bounds", "SELECT min(\(bucketKey)) AS low, max(\(bucketKey)) AS high FROM observed"))
        }
        var guardText = "high >= low AND high - low < 10000"
        if !others.isEmpty {
            parts.append(("others", "SELECT DISTINCT \(others.joined(separator: ", ")) FROM observed"))
            guardText += " AND (SELECT count(*) FROM others) * (high - low + 1) <= 100000"
        }
        let series = "SELECT \(dialect.series("low", "high")) AS \(bucketKey) FROM bounds WHERE \(guardText)"
        parts.append(("filled", others.isEmpty ? series : "SELECT * FROM others\nCROSS JOIN (\n\(Self.indent(series))\n) s"))
        return parts
    }

    /// The groups with their empty buckets filled, reading the groups once.
    /// Spark computes a `WITH` part again wherever it is named, so the usual
    /// filling (the keys observed, their bounds, the other keys, their count,
    /// a join back) would aggregate every touch four times: here each group
    /// learns the bounds and the count of other keys from windows over all
    /// groups, the first group of each combination of other keys spreads
    /// over every bucket between the bounds (within the same limits), and
    /// the spread rows are grouped, each taking the values of the group of
    /// its own bucket.
    private func filledInOneReading(
        _ fill: (index: Int, unit: TimeUnit), keys: [String], source: String, query: BoundQuery
    ) -> [(name: String, body: String)] {
        let bucket = keys[fill.index]
        let others = keys.enumerated().filter { $0.offset != fill.index }.map(\.element)
        let count = others.isEmpty ? "1" : "size(collect_set(struct(\(others.joined(separator: ", ")))) OVER ())"
        let partition = others.isEmpty ? "" : "PARTITION BY \(others.joined(separator: ", ")) "
        let spread = """
            SELECT s.*, min(\(bucket)) OVER () AS low, max(\(bucket)) OVER () AS high, \(count) AS others,
              row_number() OVER (\(partition)ORDER BY \(bucket) NULLS LAST) AS nth
            FROM \(source) s
            """
        let guardText = "nth = 1 AND high >= low AND high - low < 10000 AND others * (high - low + 1) <= 100000"
        let alias = source == "by_lead" ? "a" : "b"
        let grain: Grain = source == "by_lead" ? .lead : .touch
        var select = keys.map { $0 == bucket ? "e.slot AS \($0)" : "\(alias).\($0)" }
        for (m, measure) in query.measures.enumerated() where measure.grain == grain {
            let own = "max(CASE WHEN \(dialect.sameKey("e.slot", "\(alias).\(bucket)")) THEN \(alias).m\(m + 1) END)"
            select.append("\(emptyValue(measure.formula, own)) AS m\(m + 1)")
        }
        let groups = keys.map { $0 == bucket ? "e.slot" : "\(alias).\($0)" }
        let result = """
            SELECT \(select.joined(separator: ", "))
            FROM spread \(alias)
            LATERAL VIEW explode(CASE WHEN \(guardText) THEN concat(sequence(low, high), array(\(bucket))) ELSE array(\(bucket)) END) e AS slot
            GROUP BY \(groups.joined(separator: ", "))
            """
        return [("spread", spread), ("result", result)]
    }

    /// Every bucket of `bucket(field, …)` crossed with the other keys present
    /// (all of them when it is the only key), as the in-memory engine shows them.
    private func labelledKeys(_ index: Int, count: Int, keys: [String], from previous: String) -> String {
        let series = "SELECT \(dialect.series("0", String(count - 1))) AS \(keys[index])"
        let others = keys.enumerated().filter { $0.offset != index }.map(\.element)
        guard !others.isEmpty else { return "SELECT * FROM \(previous)\nUNION\n\(series)" }
        return "SELECT * FROM \(previous)\nUNION\nSELECT \(keys.joined(separator: ", "))\n"
            + "FROM (SELECT DISTINCT \(others.joined(separator: ", ")) FROM \(previous)) o\nCROSS JOIN (\(series)) s"
    }

    /// Refuses what the compiler does not write yet, naming it.
    private func supported(_ query: BoundQuery) throws(Diagnostic) {
        func refuse(_ what: String) -> Diagnostic {
            Diagnostic(.error, SQLMessages.notCompiled(what), at: SourceRange(start: 0, end: 0, line: 1, column: 1))
        }
    }
}
