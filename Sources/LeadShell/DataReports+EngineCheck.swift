import LeadEngine
import LeadSQL
import LeadStore

/// `.check` when an engine holds the data: the same counts and samples, as SQL.
extension DataReports {
    /// `.check` as SQL: the lines memory's `.check` gives, after the engine's
    /// own first line; nil when the engine cannot answer.
    static func engineCheck(_ session: Session) -> [String]? {
        let store = session.store
        let inbound = inboundSQL(store)
        let known = "l.lead_id IS NOT NULL AND t.at IS NOT NULL"
        let touchSQL = """
            SELECT
              count(*) FILTER (WHERE \(known) AND t.at >= l.created_at AND NOT (\(inbound))) AS followups,
              count(*) FILTER (WHERE \(known) AND t.at < l.created_at) AS before_creation,
              count(*) FILTER (WHERE \(known) AND t.at >= l.created_at AND (\(inbound))) AS inbound,
              count(*) FILTER (WHERE t.lead_id IS NOT NULL AND l.lead_id IS NULL) AS unknown_lead,
              count(DISTINCT t.lead_id) FILTER (WHERE t.lead_id IS NOT NULL AND l.lead_id IS NULL) AS unknown_ids,
              count(*) FILTER (WHERE t.lead_id IS NULL) AS without_id
            FROM touches t LEFT JOIN leads l ON l.lead_id = t.lead_id
            """
        let leadColumns = store.leads.columns.map(\.name)
        let touchColumns = store.touches.columns.map(\.name)
        func nulls(_ table: String, _ columns: [String]) -> String {
            "SELECT count(*)" + columns.map { ", count(*) - count(\(Dialect.named(engineDialect(session)).quoted($0)))" }.joined() + " FROM \(table)"
        }
        // The leads with their derived fields, as `list leads` compiles them.
        var lister = session
        guard case .success(.sql(let plan)) = lister.run("list leads | sql \(engineDialect(session).rawValue)"),
              let leadFacts = try? SQLCompiler.compile(plan),
              let touchRow = session.executor.rows(touchSQL)?.dropFirst().first,
              let leadNulls = session.executor.rows(nulls("(\n\(leadFacts)\n) x", leadColumns))?.dropFirst().first,
              let touchNulls = session.executor.rows(nulls("touches", touchColumns))?.dropFirst().first,
              let duplicates = engineDuplicates(session) else { return nil }
        let n = touchRow.map { Int($0 ?? "") ?? 0 }
        var lines = [Messages.engineAnswers(session.executor.name, counts: session.executor.rowCounts())]
        lines += store.summary.decisions.map { "note: " + $0 }
        lines.append("Touches counted as follow-ups: \(Quantity.grouped(n[0]))")
        lines.append("Touches not counted as follow-ups:")
        lines.append("  \(Quantity.grouped(n[1])) stamped before their lead was created")
        lines.append("  \(Quantity.grouped(n[2])) inbound")
        lines.append("  \(Quantity.grouped(n[3])) for \(Quantity.counted(n[4], "lead id that is", "lead ids that are")) not in the leads file")
        lines.append("  \(Quantity.grouped(n[5])) with no lead id")
        lines.append("Touches repeated exactly (same lead, time and every other column): \(Quantity.grouped(duplicates))")
        if n[3] > 0 {
            guard let ids = engineUnknownLeadIDs(session, limit: 10) else { return nil }
            lines.append("Unknown lead ids (first 10): " + ids.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        let leftOut = n[1] + n[2] + n[3] + n[5]
        if leftOut > 0 {
            guard let sample = engineLeftOut(session, limit: 10) else { return nil }
            lines += leftOutSample(sample, total: leftOut, limit: 10)
        }
        for (title, columns, row) in [("leads", leadColumns, leadNulls), ("touches", touchColumns, touchNulls)] {
            let counts = row.map { Int($0 ?? "") ?? 0 }
            let total = counts.first ?? 0
            lines.append("Nulls in \(title) (\(Quantity.counted(total, "row", "rows"))):")
            for (name, nulls) in zip(columns, counts.dropFirst()) where nulls > 0 {
                let share = total > 0 ? Double(nulls) / Double(total) * 100 : 0
                lines.append("  \(name): \(Quantity.grouped(nulls)) (\(String(format: "%.1f", share))%)")
            }
        }
        return lines
    }
}

extension DataReports {
    /// The dialect of the engine that answers, as `| sql` names it.
    static func engineDialect(_ session: Session) -> SQLDialectName {
        let name = session.executor.name
        if name == "PostgreSQL" { return .postgres }
        return name.hasPrefix("Spark") ? .spark : .duckdb
    }
}
