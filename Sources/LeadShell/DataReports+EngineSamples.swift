import LeadEngine
import LeadEngines
import LeadSQL
import LeadStore

/// The parts of `.check` that list rows, as SQL on the engine that holds the
/// data: the touches left out of follow-ups with their reason, the lead ids
/// no lead has, the touches repeated exactly. Samples follow `sampleOrder`,
/// written as an `ORDER BY`, so they are the rows memory shows.
extension DataReports {
    /// PostgreSQL compares text by bytes only in the "C" collation; DuckDB always does.
    private static func bytes(_ session: Session, _ text: String) -> String {
        session.executor.name == "PostgreSQL" ? "\(text) COLLATE \"C\"" : text
    }

    private static func quoted(_ session: Session, _ name: String) -> String {
        Dialect.named(engineDialect(session)).quoted(name)
    }

    /// Whether a touch (`t`, its lead `l`) is inbound by its direction.
    static func inboundSQL(_ session: Session) -> String {
        guard session.store.touches["direction"] != nil else { return "FALSE" }
        return "NOT " + Dialect.named(engineDialect(session)).isOutbound("t.direction")
    }

    /// The touches left out of follow-ups (the first `limit` when given), as `leftOut` gives them; nil when the engine fails.
    static func engineLeftOut(_ session: Session, limit: Int?) -> ResultTable? {
        let touches = session.store.touches.columns
        let reason = "CASE WHEN t.lead_id IS NULL THEN '\(Reason.noLeadID.rawValue)' WHEN l.lead_id IS NULL THEN '\(Reason.unknownLead.rawValue)' "
            + "WHEN t.at < l.created_at THEN '\(Reason.beforeCreation.rawValue)' ELSE '\(Reason.inbound.rawValue)' END"
        var order = ["t.lead_id IS NULL", bytes(session, "t.lead_id"), "t.at NULLS LAST"]
        for column in touches where column.name != "lead_id" && column.name != "at" {
            let value = "t." + quoted(session, column.name)
            order.append((column.data.kind == .text ? bytes(session, value) : value) + " NULLS LAST")
        }
        var sql = "SELECT \(reason) AS reason" + touches.map { ", t." + quoted(session, $0.name) }.joined()
            + "\nFROM touches t LEFT JOIN leads l ON l.lead_id = t.lead_id"
            + "\nWHERE NOT (l.lead_id IS NOT NULL AND t.at >= l.created_at AND NOT (\(inboundSQL(session))))"
            + "\nORDER BY " + order.joined(separator: ", ")
        if let limit { sql += "\nLIMIT \(limit)" }
        guard let answer = session.executor.rows(sql)?.dropFirst() else { return nil }
        let body = Array(answer)
        guard body.allSatisfy({ $0.count == touches.count + 1 }) else { return nil }
        var columns = [ResultColumn(name: "reason", kind: .text, values: .strings(body.map { $0[0] }))]
        for (index, column) in touches.enumerated() {
            let cells = body.map { $0[index + 1] }
            switch column.data {
            case .text: columns.append(ResultColumn(name: column.name, kind: .text, values: .strings(cells)))
            case .number: columns.append(ResultColumn(name: column.name, kind: .number, values: .doubles(cells.map { $0.flatMap(Double.init) ?? .nan })))
            case .timestamp:
                columns.append(ResultColumn(name: column.name, kind: .timestamp, values: .ints(cells.map { $0.flatMap(EngineResult.moment) ?? .min })))
            case .duration:
                columns.append(ResultColumn(name: column.name, kind: .duration, values: .doubles(cells.map { $0.flatMap(Double.init) ?? .nan })))
            case .count:
                columns.append(ResultColumn(name: column.name, kind: .count, values: .ints(cells.map { $0.flatMap { Int64($0) } ?? .min })))
            }
        }
        return ResultTable(columns: columns, rowCount: body.count)
    }

    /// The first `limit` lead ids of touches that name no lead, by their bytes.
    static func engineUnknownLeadIDs(_ session: Session, limit: Int) -> [String]? {
        let sql = "SELECT t.lead_id FROM touches t LEFT JOIN leads l ON l.lead_id = t.lead_id "
            + "WHERE t.lead_id IS NOT NULL AND l.lead_id IS NULL GROUP BY t.lead_id ORDER BY \(bytes(session, "t.lead_id")) LIMIT \(limit)"
        return session.executor.rows(sql)?.dropFirst().compactMap { $0.first ?? nil }
    }

    /// Touches equal in every column to another, less one of each.
    static func engineDuplicates(_ session: Session) -> Int? {
        let sql = "SELECT (SELECT count(*) FROM touches) - (SELECT count(*) FROM (SELECT DISTINCT * FROM touches) d)"
        return session.executor.rows(sql)?.dropFirst().first?.first.flatMap { $0.flatMap { Int($0) } }
    }
}
