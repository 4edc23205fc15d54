import LeadEngine
import LeadSQL
import LeadStore

/// `.check` when an engine holds the data: the same counts, as SQL.
extension DataReports {
    /// Touches left out of follow-ups and nulls per column, counted by the engine; nil when it cannot answer.
    static func engineCheck(_ session: Session) -> [String]? {
        let store = session.store, dialect = Dialect.postgres
        let hasDirection = store.touches["direction"] != nil
        let words = TouchDirection.inboundWords.sorted().map(dialect.string).joined(separator: ", ")
        let inbound = hasDirection ? "t.direction IS NOT NULL AND lower(trim(t.direction)) IN (\(words))" : "FALSE"
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
        let derived = Set(FollowUpIndex.derivedFieldNames)
        let leadColumns = store.leads.columns.map(\.name).filter { !derived.contains($0) }
        let touchColumns = store.touches.columns.map(\.name)
        func nulls(_ table: String, _ columns: [String]) -> String {
            "SELECT count(*)" + columns.map { ", count(*) - count(\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\")" }.joined() + " FROM \(table)"
        }
        guard let touchRow = session.executor.rows(touchSQL)?.dropFirst().first,
              let leadNulls = session.executor.rows(nulls("leads", leadColumns))?.dropFirst().first,
              let touchNulls = session.executor.rows(nulls("touches", touchColumns))?.dropFirst().first else { return nil }
        let n = touchRow.map { Int($0 ?? "") ?? 0 }
        var lines = [Messages.engineAnswers(session.executor.name, counts: session.executor.rowCounts())]
        lines += store.summary.decisions.map { "note: " + $0 }
        lines.append("Touches counted as follow-ups: \(Quantity.grouped(n[0]))")
        lines.append("Touches not counted as follow-ups:")
        lines.append("  \(Quantity.grouped(n[1])) stamped before their lead was created")
        lines.append("  \(Quantity.grouped(n[2])) inbound")
        lines.append("  \(Quantity.grouped(n[3])) for \(Quantity.counted(n[4], "lead id that is", "lead ids that are")) not in the leads file")
        lines.append("  \(Quantity.grouped(n[5])) with no lead id")
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
