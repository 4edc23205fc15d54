import Foundation
import PostgresTestSupport
import Testing

/// `--db` and `--engine postgres` errors: one line and exit 2, with nothing
/// of the server's own detail or hints unless `--verbose` asks for them; the
/// password never shows either way.
@Suite(.serialized)
struct PostgresVerboseTests {
    @Test func verboseAddsTheServersDetailAndHints() throws {
        try PostgresServer.with { server in
            try server.prepareErrorCases()
            // The arguments, what every run says, and what only --verbose adds.
            let cases: [([String], String, String?)] = [
                (["--db", "postgresql://analyst:wrong-secret@127.0.0.1:1/crm"], "Connection refused", "Is the server running"),
                (["--db", "postgresql://analyst:wrong-secret@/postgres?host=\(server.folder)"], "password authentication failed", nil),
                (["--db", "", "--leads-table", "nope"], "relation \"nope\" does not exist", nil),
                (["--db", "", "--leads-query", "SELECT lead_id, created_a AS created_at FROM leads"],
                 "column \"created_a\" does not exist", "HINT: Perhaps you meant to reference the column \"leads.created_at\""),
                (["--db", "", "--leads-query", "SELECT lead_id, date_trunc(created_at) AS created_at FROM leads"],
                 "function date_trunc(timestamp with time zone) does not exist", "HINT: No function matches"),
                (["--db", "", "--leads-table", "badleads"], "created_at \"12\" is not a date", nil),
            ]
            for engine in [[], ["--engine", "postgres"]] {
                for (arguments, said, verboseOnly) in cases {
                    let plain = try LeadQProcess.run(arguments + engine + ["-c", "leads"], environment: server.environment)
                    let verbose = try LeadQProcess.run(arguments + engine + ["--verbose", "-c", "leads"], environment: server.environment)
                    for result in [plain, verbose] {
                        #expect(result.status == 2, "\(arguments + engine)")
                        #expect(result.stderr.contains(said), "\(result.stderr)")
                        #expect(!result.stderr.contains("secret"), "\(result.stderr)")
                        #expect(result.stdout.isEmpty)
                    }
                    #expect(plain.stderr.split(separator: "\n").count == 1, "\(plain.stderr)")
                    #expect(!plain.stderr.contains("HINT") && !plain.stderr.contains("DETAIL"), "\(plain.stderr)")
                    if let verboseOnly {
                        #expect(!plain.stderr.contains(verboseOnly), "\(plain.stderr)")
                        #expect(verbose.stderr.contains(verboseOnly), "\(arguments + engine): \(verbose.stderr)")
                    }
                }
            }
        }
    }
}
