import Foundation
import PostgresTestSupport
import Testing

/// `.check` and `.check touches` on an engine print what they print in
/// memory (after the first line, which says who answers): the counts, the
/// touches repeated exactly, the first
/// unknown lead ids and the first touches left out, in the same order.
@Suite(.serialized)
struct EngineCheckTests {
    /// Leads out of id order; touches with exact repeats, twelve unknown lead
    /// ids, no lead id, before creation, inbound.
    static let leads = """
        lead_id,created_at,segment
        L3,2026-01-03T09:00:00Z,SMB
        L1,2026-01-01T09:00:00Z,
        a10,2026-01-02T09:00:00Z,Enterprise
        B7,2026-01-04T09:00:00Z,SMB

        """

    static var touches: String {
        var lines = ["touch_id,lead_id,at,channel,direction,minutes"]
        lines += [
            "T01,L1,2026-01-01T10:00:00Z,call,outbound,1.5",
            "T01,L1,2026-01-01T10:00:00Z,call,outbound,1.5",
            "T02,L1,2026-01-01T08:00:00Z,email,outbound,",
            "T03,L3,2026-01-05T09:00:00Z,call,inbound,3",
            "T03,L3,2026-01-05T09:00:00Z,call,inbound,3",
            "T04,L3,2026-01-04T09:00:00Z,,Inbound,",
            "T05,a10,2026-01-02T11:00:00Z,sms,Outbound ,2",
            "T06,B7,2026-01-05T09:00:00Z,call,missed,",
            "T07,,2026-01-06T09:00:00Z,call,outbound,",
            "T08,,2026-01-05T09:00:00Z,email,,",
        ]
        for (n, id) in ["X12", "x01", "Z9", "X03", "b2", "X12", "Y5", "A0", "X10", "q7", "X11", "X02", "M4"].enumerated() {
            lines.append(String(format: "U%02d,%@,2026-01-%02dT09:00:00Z,call,outbound,", n, id, n % 9 + 1))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-engine-check-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.leads.write(to: folder.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try Self.touches.write(to: folder.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    private static let commands = ["-c", ".check", "-c", ".check touches", "-c", ".mode table", "-c", ".check touches"]

    /// Everything after the first line, which names who answers.
    private func body(_ text: String) -> String {
        String(text.drop { $0 != "\n" })
    }

    @Test func memoryShowsSamplesByLeadIDThenTime() throws {
        let data = try folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let memory = try LeadQProcess.run([data.path, "--no-init", "-c", ".check"])
        #expect(memory.status == 0, "\(memory.stderr)")
        let out = memory.stdout
        #expect(out.contains("\nUnknown lead ids (first 10): \"A0\", \"M4\", \"X02\", \"X03\", \"X10\", \"X11\", \"X12\", \"Y5\", \"Z9\", \"b2\"\n"), "\(out)")
        #expect(out.contains("\nTouches repeated exactly (same lead, time and every other column): 2\n"), "\(out)")
        #expect(out.contains("\nThe first 10 of them:\n"), "\(out)")
        // A0 (unknown) before B7 before L1 before L3 by bytes, though the file has L3 and L1 first.
        let order = ["U07", "T06", "T02", "T04", "T03", "U12", "U11", "U03", "U08"]
        let places = order.map { id in out.range(of: "│ \(id) ")?.lowerBound }
        #expect(places.allSatisfy { $0 != nil }, "\(out)")
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "\(out)")
    }

    @Test func duckdbChecksAsMemoryDoes() throws {
        guard EngineOptionTests.haveDuckDB || ProcessInfo.processInfo.environment["LEADQ_ENGINES"] == "required" else { return }
        let data = try folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let memory = try LeadQProcess.run([data.path, "--no-init"] + Self.commands)
        let duckdb = try LeadQProcess.run([data.path, "--no-init", "--engine", "duckdb"] + Self.commands, environment: ["PATH": EngineOptionTests.path])
        #expect(memory.status == 0, "\(memory.stderr)")
        #expect(duckdb.status == 0, "\(duckdb.stderr)")
        #expect(duckdb.stdout.hasPrefix("DuckDB answers: 4 leads and 23 touches stay in the engine"), "\(duckdb.stdout)")
        #expect(body(duckdb.stdout) == body(memory.stdout), "memory:\n\(memory.stdout)\nduckdb:\n\(duckdb.stdout)")
        // .summary says where the touches went, as the load summary does.
        let summaries = try [["-c", ".summary"], ["--engine", "duckdb", "-c", ".summary"]].map {
            try LeadQProcess.run([data.path, "--no-init"] + $0, environment: ["PATH": EngineOptionTests.path]).stdout
        }
        let touchLines = summaries.map { $0.split(separator: "\n").filter { $0.hasPrefix("  touches: ") && $0.contains("follow-up") } }
        #expect(touchLines[0] == ["  touches: 3 follow-ups, 4 inbound, 1 before their lead was created, 13 for 12 unknown lead ids, "
            + "2 with no lead id (only follow-ups count in KPIs; .check lists the rest)"], "\(summaries[0])")
        #expect(touchLines[1] == touchLines[0], "memory:\n\(summaries[0])\nduckdb:\n\(summaries[1])")
    }

    @Test func postgresChecksAsMemoryDoes() throws {
        let data = try folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try PostgresServer(settings: ["timezone=America/Los_Angeles"])
        defer { server.stop() }
        try server.psql("""
            CREATE TABLE leads (lead_id text, created_at timestamptz, segment text);
            CREATE TABLE touches (touch_id text, lead_id text, at timestamptz, channel text, direction text, minutes numeric);
            COPY leads FROM '\(data.path)/leads.csv' WITH (FORMAT csv, HEADER true);
            COPY touches FROM '\(data.path)/touches.csv' WITH (FORMAT csv, HEADER true);
            """)
        let memory = try LeadQProcess.run([data.path, "--no-init"] + Self.commands)
        let postgres = try LeadQProcess.run(["--db", "", "--no-init", "--engine", "postgres"] + Self.commands, environment: server.environment)
        #expect(postgres.status == 0, "\(postgres.stderr)")
        #expect(postgres.stdout.hasPrefix("PostgreSQL answers: 4 leads and 23 touches stay in the engine"), "\(postgres.stdout)")
        #expect(body(postgres.stdout) == body(memory.stdout), "memory:\n\(memory.stdout)\npostgres:\n\(postgres.stdout)")
    }
}
