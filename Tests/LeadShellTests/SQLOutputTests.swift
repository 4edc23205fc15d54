import Foundation
import Testing

/// `| sql` prints the statement's SQL on standard output, in the dialect
/// asked for or set; an unknown dialect is an error of the statement.
@Suite struct SQLOutputTests {
    @Test func sqlPrintsOneStatementInTheDialectAsked() throws {
        let result = try LeadQProcess.run(["examples/data", "-c", "rate, speed by segment | sql duckdb"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("WITH follow_ups AS ("), "\(result.stdout)")
        #expect(result.stdout.contains("epoch_ms("))
        #expect(result.stdout.hasSuffix("k1 ASC NULLS LAST;\n"), "\(result.stdout)")
        #expect(result.stdout.filter { $0 == ";" }.count == 1)
    }

    @Test func setDialectChangesWhatSqlWrites() throws {
        let result = try LeadQProcess.run(["examples/data", "-c", "set dialect spark", "-c", "speed | sql"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("unix_millis("), "\(result.stdout)")
        #expect(result.stdout.contains("3600000D"))
    }

    @Test func anUnknownDialectIsAnErrorOfTheStatement() throws {
        let result = try LeadQProcess.run(["examples/data", "-c", "rate | sql oracle"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown SQL dialect \"oracle\""), "\(result.stderr)")
    }
}
