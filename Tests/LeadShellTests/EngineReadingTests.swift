import Foundation
import PostgresTestSupport
import Testing

/// Engines read canonical data and hold it themselves: the readings only
/// memory makes are one line and exit 2, and nothing is loaded into memory.
@Suite(.serialized)
struct EngineReadingTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-engine-readings-\(getpid())-\(files.count)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func crmReadingsAreOneLineOnAnEngine() throws {
        let data = try folder([
            "log.csv": "lead_id,status,changed_at\nA,NEW_LEAD,2026-01-01 09:00:00\nA,DONE_DEAL,2026-01-02 09:00:00\n",
            "leads.csv": "lead_id,created_at,Converted\nA,2026-01-01T09:00:00Z,Yes\nB,2026-01-02T09:00:00Z,No\n",
            "touches.csv": "lead_id,at\nA,2026-01-01T10:00:00Z\n",
            "plain.csv": "lead_id,created_at\nA,2026-01-01T09:00:00Z\n",
            "deals.csv": "lead_id,won_at\nA,2026-01-05T09:00:00Z\n",
        ])
        defer { try? FileManager.default.removeItem(at: data) }
        let path = { (name: String) in data.appendingPathComponent(name).path }
        let cases: [([String], String)] = [
            (["--events", path("log.csv"), "--created", "NEW_LEAD", "--converted", "DONE_DEAL"], "--events (a status-change log) is read by the in-memory engine only"),
            (["--leads", path("leads.csv"), "--touches", path("touches.csv")], "the yes/no flag is_converted (from \"Converted\") is read by the in-memory engine only"),
            (["--leads", path("plain.csv"), "--touches", path("touches.csv"), "--conversions", path("deals.csv")], "--conversions (a deals export)"),
            (["--date-format", "DD-MM-YYYY", "--leads", path("plain.csv"), "--touches", path("touches.csv")], "--date-format is read by the in-memory engine only"),
            (["--leads", path("plain.csv"), "--touches", path("touches.csv"), "--const", "channel=call"], "--const is read by the in-memory engine only"),
        ]
        for (arguments, expected) in cases {
            let memory = try LeadQProcess.run(arguments + ["-c", "leads"])
            #expect(memory.status == 0, "\(arguments): \(memory.stderr)")
            let engine = try LeadQProcess.run(arguments + ["--engine", "duckdb", "-c", "leads"], environment: ["PATH": EngineOptionTests.path])
            #expect(engine.status == 2, "\(arguments)")
            #expect(engine.stdout.isEmpty)
            #expect(engine.stderr.contains(expected), "\(engine.stderr)")
            #expect(engine.stderr.hasPrefix("error: --engine duckdb reads leads and touches in canonical form"), "\(engine.stderr)")
            #expect(engine.stderr.split(separator: "\n").count == 1, "\(engine.stderr)")
        }
    }

    @Test func theEngineHoldsTheDataAndAnswersTheDotCommands() throws {
        let server = try PostgresServer(settings: ["timezone=America/Los_Angeles"])
        defer { server.stop() }
        try PostgresEngineTests.loadExamples(server)
        let statements = [".summary", ".schema", ".check", "leads where segment = \"SMBx\""]
        let arguments = statements.flatMap { ["-c", $0] }
        let memory = try LeadQProcess.run(["--db", ""] + arguments, environment: server.environment)
        let engine = try LeadQProcess.run(["--db", "", "--engine", "postgres"] + arguments, environment: server.environment)
        #expect(engine.status == 0, "\(engine.stderr)")
        let out = engine.stdout
        #expect(out.hasPrefix("PostgreSQL answers: 12 leads and 25 touches stay in the engine; nothing is loaded into memory.\n"))
        #expect(out.contains("\nleads (12 rows)\n") && out.contains("\ntouches (25 rows)\n"), "\(out)")
        for line in ["Touches counted as follow-ups: 19", "  1 stamped before their lead was created", "  3 inbound",
                     "  1 for 1 lead id that is not in the leads file", "  1 with no lead id", "Nulls in touches (25 rows):", "  deal_size: 9 (75.0%)"] {
            #expect(memory.stdout.contains(line + "\n"), "\(line)")
            #expect(out.contains(line + "\n"), "\(line)")
        }
        #expect(engine.stderr == memory.stderr)
        #expect(engine.stderr.contains("warning: no row has segment = \"SMBx\"; values that exist: \"SMB\""), "\(engine.stderr)")
        if EngineOptionTests.haveDuckDB {
            let duckdb = try LeadQProcess.run(["examples/data", "--engine", "duckdb"] + arguments, environment: ["PATH": EngineOptionTests.path])
            #expect(duckdb.status == 0, "\(duckdb.stderr)")
            #expect(duckdb.stdout.replacingOccurrences(of: "DuckDB answers", with: "PostgreSQL answers")
                .split(separator: "\n").filter { !$0.hasPrefix("Data: ") } == out.split(separator: "\n").filter { !$0.hasPrefix("Data: ") })
            #expect(duckdb.stderr == memory.stderr)
        }
    }

    /// Server down, wrong password, missing table, a column of the wrong type: one line, exit 2, no password.
    @Test func engineErrorsAreOneLine() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        try server.prepareErrorCases(badType: "bigint", badValue: "1767603600000")
        let cases: [([String], String)] = [
            (["--db", "postgresql://analyst:wrong-secret@127.0.0.1:1/crm"], "Connection refused"),
            (["--db", "postgresql://analyst:wrong-secret@/postgres?host=\(server.folder)"], "password authentication failed"),
            (["--db", "", "--leads-table", "nope"], "relation \"nope\" does not exist"),
            (["--db", "", "--leads-table", "badleads"], "created_at holds \"1767603600000\", which is not an ISO 8601 timestamp"),
        ]
        for (arguments, expected) in cases {
            let result = try LeadQProcess.run(arguments + ["--engine", "postgres", "-c", "leads"], environment: server.environment)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(expected), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            #expect(!result.stderr.contains("secret"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let right = try LeadQProcess.run(["--db", "postgresql://analyst:right-secret@/postgres?host=\(server.folder)", "--engine", "postgres", "-c", "leads"],
                                         environment: server.environment)
        #expect(right.status == 0, "\(right.stderr)")
        #expect(right.stdout == "leads\n1\n")
    }
}
