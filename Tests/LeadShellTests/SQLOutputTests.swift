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

    /// The derived fields come only as far as the statement reads them: no
    /// window ranking follow-ups without first_channel or first_rep, no
    /// distinct count without channels, no follow-ups at all for a touch count.
    @Test func sqlComputesOnlyTheDerivedFieldsItReads() throws {
        let rate = try LeadQProcess.run(["examples/data", "-c", "rate by month | sql"])
        #expect(rate.status == 0, "\(rate.stderr)")
        #expect(rate.stdout.contains("count(*) AS followups"), "\(rate.stdout)")
        #expect(!rate.stdout.contains("row_number()") && !rate.stdout.contains("count(DISTINCT") && !rate.stdout.contains("first_followup_at"))
        let first = try LeadQProcess.run(["examples/data", "-c", "leads by first_channel | sql"])
        #expect(first.stdout.contains("row_number()") && !first.stdout.contains("count(DISTINCT"), "\(first.stdout)")
        let touches = try LeadQProcess.run(["examples/data", "-c", "touches by at.month, channel | sql"])
        #expect(!touches.stdout.contains("follow_ups") && !touches.stdout.contains("FILTER"), "\(touches.stdout)")
        #expect(touches.stdout.components(separatedBy: "'missed call'").count == 2, "the follow-up test once: \(touches.stdout)")
    }

    /// PostgreSQL's `extract` computes in numeric; `date_part` in doubles, several times faster per row.
    @Test func postgresTakesCalendarPartsAsDoubles() throws {
        let result = try LeadQProcess.run(["examples/data", "-c", "speed by created_at.month | sql postgres"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("date_part('month', "), "\(result.stdout)")
        #expect(!result.stdout.contains("extract("), "\(result.stdout)")
    }
}
