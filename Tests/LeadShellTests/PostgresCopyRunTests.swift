import Foundation
import PostgresTestSupport
import Testing

/// `leadq --db` on tables large enough that their rows are read in several
/// runs while the copy goes on: the runs join into exactly what the CSV
/// files give, and an error in a late run still names its row.
@Suite(.serialized)
struct PostgresCopyRunTests {
    /// The output without the line that names where the data came from.
    private func answers(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("Data: ") }.joined(separator: "\n")
    }

    @Test func generatedDataReadInRunsGivesTheSameSchemaAndAnswersAsItsCSVFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-pg-runs-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generated = try LeadQProcess.run(["gen", "--leads", "30000", "--out", folder, "--force"])
        try #require(generated.status == 0, "\(generated.stderr)")
        // Several runs of touches: the reader's runs are 8 MB.
        let size = (try FileManager.default.attributesOfItem(atPath: "\(folder)/touches.csv")[.size] as? Int) ?? 0
        #expect(size > 20 << 20)
        try PostgresServer.with { server in
            try server.psql("""
                CREATE TABLE leads (lead_id text, created_at timestamptz, segment text, source text, owner text,
                  region text, qualified_at timestamptz, converted_at timestamptz);
                CREATE TABLE touches (touch_id text, lead_id text, at timestamptz, channel text, rep text, direction text, outcome text);
                COPY leads FROM '\(folder)/leads.csv' WITH (FORMAT csv, HEADER true);
                COPY touches FROM '\(folder)/touches.csv' WITH (FORMAT csv, HEADER true);
                """)
            let statements = [
                ".schema", "set now 2026-03-16T09:00:00Z", "leads, rate, never, speed, within(1h), conversion",
                "rate, speed, within(1h) by owner order by speed", "touches, reply_rate by channel, rep order by touches desc",
                "list touches touch_id, lead_id, at, rep order by at desc, touch_id limit 5",
            ].joined(separator: "\n")
            let fromCSV = try LeadQProcess.run([folder, "--no-init"], input: statements)
            let fromDatabase = try LeadQProcess.run(["--db", "", "--no-init"], input: statements, environment: server.environment)
            #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
            #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
            #expect(fromCSV.stdout.contains("touch_id"))
            #expect(answers(fromDatabase.stdout) == answers(fromCSV.stdout))
        }
    }

    @Test func aBadValueInALateRunNamesItsRow() throws {
        try PostgresServer.with { server in
            // About 12 MB of touches, a value of three lines early on and a bad date near the end.
            try server.psql("""
                CREATE TABLE leads (lead_id text, created_at timestamptz);
                INSERT INTO leads VALUES ('L1', '2026-01-05 09:00:00+00');
                CREATE TABLE touches AS SELECT g AS n, 'L1' AS lead_id,
                  CASE WHEN g = 190000 THEN 'soon' ELSE to_char(timestamp '2026-01-05' + g * interval '1 second', 'YYYY-MM-DD HH24:MI:SS') END AS at,
                  CASE WHEN g = 7 THEN 'a' || chr(10) || 'b' || chr(10) || 'c' ELSE repeat('n', 30) END AS note
                  FROM generate_series(1, 200000) AS g ORDER BY g;
                """)
            let result = try LeadQProcess.run(["--db", "", "--no-init", "-c", "leads"], environment: server.environment)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("postgresql://postgres@/postgres?host=\(server.folder) table touches row 190000, column \"at\": "
                + "error: at \"soon\" is not a date and time"), "\(result.stderr)")
        }
    }
}
