import Foundation
import PostgresTestSupport
import Testing

/// `leadq --db`: leads and touches copied out of a throwaway PostgreSQL
/// server read exactly as the same rows in CSV files do.
@Suite(.serialized)
struct PostgresSourceTests {
    /// Runs `body` with a new server, stopped afterwards whatever happens.
    private func withServer(_ body: (PostgresServer) throws -> Void) throws {
        let server = try PostgresServer()
        defer { server.stop() }
        try body(server)
    }

    private static let exampleTables = """
        CREATE TABLE leads (lead_id text PRIMARY KEY, created_at timestamptz, segment text, source text, owner text,
          region text, qualified_at timestamptz, converted_at timestamptz, deal_size numeric);
        CREATE TABLE touches (touch_id text, lead_id text, at timestamptz, channel text, rep text, direction text, outcome text);
        """

    /// The output without the line that names where the data came from.
    private func answers(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("Data: ") }.joined(separator: "\n")
    }

    @Test func exampleDataGivesTheSameSchemaAndAnswersAsItsCSVFiles() throws {
        try withServer { server in
            let data = LeadQProcess.root.appendingPathComponent("examples/data").path
            try server.psql(Self.exampleTables)
            try server.psql("COPY leads FROM '\(data)/leads.csv' WITH (FORMAT csv, HEADER true)")
            try server.psql("COPY touches FROM '\(data)/touches.csv' WITH (FORMAT csv, HEADER true)")
            // The server's own zone must not change a thing.
            try server.psql("ALTER DATABASE postgres SET timezone TO 'Asia/Kolkata'")
            let script = try String(contentsOfFile: LeadQProcess.root.appendingPathComponent("examples/follow-up-health.lq").path, encoding: .utf8)
            let statements = ".schema\n" + script.split(separator: "\n").filter { !$0.hasPrefix(".open") }.joined(separator: "\n")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-pg-\(getpid()).lq").path
            try statements.write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let fromCSV = try LeadQProcess.run(["examples/data", "-f", file])
            let fromDatabase = try LeadQProcess.run(["--db", "", "-f", file], environment: server.environment)
            #expect(fromCSV.status == 0)
            #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
            #expect(fromCSV.stdout.contains("lead_id"))
            #expect(answers(fromDatabase.stdout) == answers(fromCSV.stdout))
            #expect(fromDatabase.stdout.contains("Data: postgresql://postgres@/postgres?host=\(server.folder)"))
        }
    }
}

extension PostgresSourceTests {
    /// Nulls, empty text, non-ASCII text, timestamps written in other zones
    /// and a 10 MB text value, from a table and from the same rows in a CSV file.
    @Test func valuesSurviveTheTrip() throws {
        try withServer { server in
            let big = String(repeating: "x", count: 10 << 20) + "end"
            try server.psql("""
                CREATE TABLE leads (lead_id text, created_at timestamptz, seen timestamp, segment text, notes text);
                INSERT INTO leads VALUES
                  ('L1', '2026-01-05 09:00:00+02', '2026-01-05 09:00:00', 'Zürich – 東京 ✓', repeat('x', \(10 << 20)) || 'end'),
                  ('L2', '2026-01-05T23:30:00.250-05:00', NULL, NULL, ''),
                  ('L3', '2026-03-29 01:30:00 Europe/Berlin', '2026-02-01 00:00:00', '', 'a,"quoted"' || chr(10) || 'line');
                ALTER DATABASE postgres SET timezone TO 'America/New_York';
                """)
            let csv = """
                lead_id,created_at,seen,segment,notes
                L1,2026-01-05T09:00:00+02:00,2026-01-05T09:00:00,Zürich – 東京 ✓,\(big)
                L2,2026-01-05T23:30:00.250-05:00,,,""
                L3,2026-03-29T01:30:00+01:00,2026-02-01T00:00:00,"","a,""quoted""
                line"

                """
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-pg-values-\(getpid())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try csv.write(to: folder.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
            let statements = [".schema", "list leads lead_id, created_at, seen, segment order by lead_id",
                              "leads by segment order by segment", "list leads lead_id, notes order by lead_id"]
            let arguments = statements.flatMap { ["-c", $0] } + ["--format", "csv"]
            let fromCSV = try LeadQProcess.run([folder.path] + arguments)
            let fromDatabase = try LeadQProcess.run(["--db", ""] + arguments, environment: server.environment)
            #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
            #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
            #expect(answers(fromDatabase.stdout) == answers(fromCSV.stdout))
            let out = fromDatabase.stdout
            #expect(out.contains("L1,2026-01-05T07:00:00Z,2026-01-05T09:00:00Z,Zürich – 東京 ✓"))
            #expect(out.contains("L2,2026-01-06T04:30:00.250Z,,\n"))
            #expect(out.contains("L3,2026-03-29T00:30:00Z,2026-02-01T00:00:00Z,\"\"\n"))
            #expect(out.contains("Zürich – 東京 ✓"))
            #expect(out.contains(big))
            #expect(out.contains("\"a,\"\"quoted\"\"\nline\""))
        }
    }
}

extension PostgresSourceTests {
    /// A refused connection, a wrong password, a missing table, a missing
    /// column and a value of the wrong type: one line each, exit 2, no password.
    @Test func errorsAreOneLineAndNeverShowThePassword() throws {
        try withServer { server in
            try server.prepareErrorCases()
            let socket = "host=\(server.folder)"
            let cases: [([String], String)] = [
                (["--db", "postgresql://analyst:wrong-secret@127.0.0.1:1/crm"], "Connection refused"),
                (["--db", "postgresql://analyst:wrong-secret@/postgres?\(socket)"], "password authentication failed"),
                (["--db", "", "--leads-table", "nope"], "relation \"nope\" does not exist"),
                (["--db", "", "--leads-query", "SELECT lead_id FROM leads"], "no created_at column"),
                (["--db", "", "--leads-table", "badleads"], "created_at \"12\" is not a date"),
            ]
            for (arguments, expected) in cases {
                let result = try LeadQProcess.run(arguments + ["-c", "leads"], environment: server.environment)
                #expect(result.status == 2, "\(arguments)")
                #expect(result.stderr.contains(expected), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
                #expect(!result.stderr.contains("secret"), "\(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
            let right = try LeadQProcess.run(["--db", "postgresql://analyst:right-secret@/postgres?\(socket)", "-c", ".schema", "-c", "leads"],
                                             environment: server.environment)
            #expect(right.status == 0, "\(right.stderr)")
            #expect(right.stdout.contains("Data: postgresql://analyst@/postgres?\(socket)"))
            #expect(!right.stdout.contains("secret"))
        }
    }
}
