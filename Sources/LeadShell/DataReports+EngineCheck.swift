import LeadEngine
import LeadSQL
import LeadStore

/// `.check` when an engine holds the data: the same counts and samples, as SQL.
extension DataReports {
    /// `.check` as SQL: the lines memory's `.check` gives, after the engine's
    /// own first line; nil when the engine cannot answer.
    static func engineCheck(_ session: Session) -> [String]? {
        let store = session.store
        let leadColumns = store.leads.columns.map(\.name)
        let touchColumns = store.touches.columns.map(\.name)
        func nulls(_ table: String, _ columns: [String]) -> String {
            "SELECT count(*)" + columns.map { ", count(*) - count(\(Dialect.named(engineDialect(session)).quoted($0)))" }.joined() + " FROM \(table)"
        }
        // The leads with their derived fields, as `list leads` compiles them.
        var lister = session
        guard case .success(.sql(let plan)) = lister.run("list leads | sql \(engineDialect(session).rawValue)"),
              let leadFacts = try? SQLCompiler.compile(plan),
              let counts = engineTouchCounts(session),
              let leadNulls = session.executor.rows(nulls("(\n\(leadFacts)\n) x", leadColumns))?.dropFirst().first,
              let touchNulls = session.executor.rows(nulls("touches", touchColumns))?.dropFirst().first,
              let duplicates = engineDuplicates(session) else { return nil }
        var unknownIDs: [String] = []
        if counts.unknownLead > 0 {
            guard let ids = engineUnknownLeadIDs(session, limit: 10) else { return nil }
            unknownIDs = ids
        }
        var leftOutLines: [String] = []
        let leftOut = counts.beforeCreation + counts.inbound + counts.unknownLead + counts.withoutLeadID
        if leftOut > 0 {
            guard let sample = engineLeftOut(session, limit: 10) else { return nil }
            leftOutLines = leftOutSample(sample, total: leftOut, limit: 10)
        }
        let nullCounts = [("leads", leadColumns, leadNulls), ("touches", touchColumns, touchNulls)].map { title, columns, row in
            let counts = row.map { Int($0 ?? "") ?? 0 }
            return (title: title, rows: counts.first ?? 0, columns: Array(zip(columns, counts.dropFirst())).map { (name: $0.0, nulls: $0.1) })
        }
        return checkLines(
            first: [Messages.engineAnswers(session.executor.name, counts: session.executor.rowCounts())], store: store, counts: counts,
            duplicates: duplicates, unknownLeadIDs: unknownIDs, leftOut: leftOutLines, nulls: nullCounts)
    }

    /// Where the touches go, counted as memory counts them at load; nil when the engine fails.
    static func engineTouchCounts(_ session: Session) -> TouchCounts? {
        let inbound = inboundSQL(session)
        let known = "l.lead_id IS NOT NULL AND t.at IS NOT NULL"
        let sql = """
            SELECT
              count(*) FILTER (WHERE \(known) AND t.at >= l.created_at AND NOT (\(inbound))) AS followups,
              count(*) FILTER (WHERE \(known) AND t.at < l.created_at) AS before_creation,
              count(*) FILTER (WHERE \(known) AND t.at >= l.created_at AND (\(inbound))) AS inbound,
              count(*) FILTER (WHERE t.lead_id IS NOT NULL AND l.lead_id IS NULL) AS unknown_lead,
              count(DISTINCT t.lead_id) FILTER (WHERE t.lead_id IS NOT NULL AND l.lead_id IS NULL) AS unknown_ids,
              count(*) FILTER (WHERE t.lead_id IS NULL) AS without_id
            FROM touches t LEFT JOIN leads l ON l.lead_id = t.lead_id
            """
        // No direction is taken as outbound: the engine's start refuses a value that names none, as a load does.
        guard let row = session.executor.rows(sql)?.dropFirst().first, row.count == 6 else { return nil }
        let n = row.map { Int($0 ?? "") ?? 0 }
        var counts = TouchCounts()
        (counts.followUps, counts.beforeCreation, counts.inbound) = (n[0], n[1], n[2])
        (counts.unknownLead, counts.unknownLeadIDs, counts.withoutLeadID) = (n[3], n[4], n[5])
        return counts
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
