import LeadEngine
import LeadQuery
import LeadSQL
import LeadStore

/// An executor whose data stays in an engine that answers SQL: the values of
/// a field and the tables' row counts are asked of it, once per field and
/// session, in its own dialect.
protocol SQLEngineExecutor: Executor {
    var values: EngineValues { get }
    var dialect: Dialect { get }
    /// Whether the engine's table of `grain` has `field` as a column read from the data.
    func holds(_ field: String, grain: Grain) -> Bool
}

extension SQLEngineExecutor {
    package var readsStore: Bool { false }

    package func distinctValues(of field: String, grain: Grain, limit: Int) -> [String]? {
        guard holds(field, grain: grain) else { return nil }
        return values.values(of: field, grain: grain, limit: limit) { count in
            let sql = EngineValues.query(dialect.quoted(field), table: grain == .lead ? "leads" : "touches", limit: count)
            return rows(sql)?.dropFirst().compactMap { $0.first ?? nil }
        }
    }

    package func leadZoneValues() throws(Diagnostic) -> [String] {
        let sql = EngineValues.query(dialect.quoted(LeadZones.field), table: "leads", limit: SQLPlan.leadZoneLimit + 1)
        guard let rows = rows(sql) else { throw DuckDBExecutor.diagnostic(EngineMessages.leadZonesUnread(name)) }
        return rows.dropFirst().compactMap { $0.first ?? nil }
    }

    package func rowCounts() -> (leads: Int, touches: Int)? {
        rows(EngineValues.counts).flatMap(EngineValues.counts)
    }
}
