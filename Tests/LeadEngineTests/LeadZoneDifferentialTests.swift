import Foundation
import LeadEngine
import LeadEngines
import LeadQuery
import LeadSQL
import LeadStore
import Testing

/// Business hours in each lead's own zone (a `timezone` column) in memory and
/// on DuckDB and PostgreSQL (a server whose own zone is Los Angeles): leads in
/// New York, Berlin, Sydney and Kolkata created around their changes of
/// offset, fixed offsets, UTC, an empty zone, an unknown one, names in other
/// cases and with spaces around them (the data of `lead_zones_sql.golden`),
/// under hours that leave the changed hours open, holidays and session zones
/// that some leads share.
@Suite(.serialized) struct LeadZoneDifferentialTests {
    static let folder = GoldenTests.folder.appendingPathComponent("lead_zones").path

    static let statements: [String] = {
        let queries = [
            "list leads lead_id, timezone, response_business", "speed(business), within(4h, business) by timezone",
            "speed(business, p90), speed(business, avg), within(1h, business) by owner",
            "within(4h, business), speed(business) by month", "leads by response_business <= 2h",
            "speed(business) by created_at.weekday",
        ]
        let settings = [
            ["set hours Mon-Fri 09:00-17:00, Sat-Sun 00:00-24:00", "set holidays 2026-12-25, 2026-03-09"],
            ["set tz America/New_York", "set hours Mon-Sun 01:00-03:30", "set holidays off"],
            ["set tz Europe/Berlin", "set hours Mon-Fri 08:00-12:00 13:00-18:00, Sun 00:00-24:00", "set holidays 2026-10-25, 2026-04-05"],
            ["set tz +05:30", "set hours Mon-Fri 09:00-17:00", "set holidays 2026-06-11"],
            ["set tz Australia/Sydney", "set hours Mon-Sun 00:00-24:00", "set holidays off"],
        ]
        return settings.flatMap { $0 + queries }
    }()

    static var queryCount: Int { statements.filter { !$0.hasPrefix("set ") }.count }

    @Test func duckDBAgreesInEachLeadsZone() throws {
        guard var pair = try DifferentialTests.sessions(leads: Self.folder + "/leads.csv", touches: Self.folder + "/touches.csv") else { return }
        #expect(try DifferentialTests.compare(Self.statements, &pair, context: "lead zones") == Self.queryCount)
    }

    @Test func postgresAgreesInEachLeadsZone() throws {
        guard let server = PostgresDifferentialTests.server() else { return }
        defer { server.stop() }
        var pair = try PostgresDifferentialTests.sessions(Self.folder, conninfo: try PostgresDifferentialTests.load(Self.folder, into: server, database: "leadzones"))
        #expect(try DifferentialTests.compare(Self.statements, &pair, context: "lead zones", dialect: "postgres") == Self.queryCount)
    }

    /// The engine is asked for the zones at each statement: a value the session
    /// did not have at its start counts in the zone it names, not the session's.
    @Test func theEngineIsAskedForTheZonesOfEachStatement() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-leadzones-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let leads = scratch.appendingPathComponent("leads.csv"), touches = scratch.appendingPathComponent("touches.csv")
        // Thu 2026-12-24 20:00Z to Mon 12-28 15:00Z: 14h of Mon-Fri 09:00-17:00 in UTC; in Kolkata Fri 01:30 to Mon 20:30, 16h.
        try "lead_id,created_at,timezone\nA,2026-12-24T20:00:00Z,\n".write(to: leads, atomically: true, encoding: .utf8)
        try "lead_id,at\nA,2026-12-28T15:00:00Z\n".write(to: touches, atomically: true, encoding: .utf8)
        guard var pair = try DifferentialTests.sessions(leads: leads.path, touches: touches.path) else { return }
        _ = pair.duckdb.run("set hours Mon-Fri 09:00-17:00")
        let statement = "list leads lead_id, response_business"
        guard case .success(.table(let before, _)) = pair.duckdb.run(statement) else { Issue.record("no answer"); return }
        #expect(before.columns[1].cell(0) == .double(14 * 3_600_000))
        try "lead_id,created_at,timezone\nA,2026-12-24T20:00:00Z,Asia/Kolkata\n".write(to: leads, atomically: true, encoding: .utf8)
        guard case .success(.table(let after, _)) = pair.duckdb.run(statement) else { Issue.record("no answer"); return }
        #expect(after.columns[1].cell(0) == .double(16 * 3_600_000))
    }

    /// More than 1,000 distinct zone values: `| sql` says so rather than write a statement of that size.
    @Test func tooManyZoneValuesAreRefusedByName() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-manyzones-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let rows = (0...1000).map { "L\($0),2026-03-02T09:00:00Z,Office \($0)" }
        try (["lead_id,created_at,timezone"] + rows).joined(separator: "\n").write(to: scratch.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try "lead_id,at\nL1,2026-03-02T10:00:00Z\n".write(to: scratch.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
        let store = try LeadStore(leads: DataSource(path: scratch.appendingPathComponent("leads.csv").path),
                                  touches: [DataSource(path: scratch.appendingPathComponent("touches.csv").path)])
        var session = Session(store: store, description: "zones")
        _ = session.run("set hours Mon-Fri 09:00-17:00")
        guard case .success(.sql(let plan)) = session.run("speed(business) | sql duckdb") else { Issue.record("| sql did not plan"); return }
        do {
            _ = try SQLCompiler.compile(plan)
            Issue.record("compiled")
        } catch {
            #expect(error.message.contains("more than 1000 distinct values"), "\(error.message)")
        }
        guard case .success(.sql(let other)) = session.run("leads by weekday | sql duckdb") else { return }
        #expect((try? SQLCompiler.compile(other)) != nil)
    }
}
