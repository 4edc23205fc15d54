import Foundation
import Testing

/// Cohort keys in every format: a condition's key is a JSON boolean and the
/// words false and true in CSV, with null for an unknown condition.
@Suite struct CohortOutputTests {
    @Test func conditionKeysAreBooleansInJSONAndWordsInCSV() throws {
        let query = "leads by response <= 1h"
        let json = try LeadQProcess.run(["examples/data", "-c", query, "--format", "json"])
        #expect(json.stdout == """
            [{"response <= 1h":false,"leads":3},
             {"response <= 1h":true,"leads":5},
             {"response <= 1h":null,"leads":4}]

            """)
        let csv = try LeadQProcess.run(["examples/data", "-c", query, "--format", "csv"])
        #expect(csv.stdout == "response <= 1h,leads\nfalse,3\ntrue,5\n,4\n")
    }
}

/// `.targets` lists each target as a table shows it, with its direction.
@Suite struct TargetListTests {
    @Test func targetsListsWhatWasSet() throws {
        let empty = try LeadQProcess.run(["examples/data", "--no-init", "-c", ".targets"])
        #expect(empty.stdout == "no targets set; set target conversion 15% or set target speed 6h sets one\n")
        let set = try LeadQProcess.run(["examples/data", "--no-init", "-c", "set target conversion 15%", "-c", "set target speed(p90) 24h",
                                        "-c", "set target touches_per_lead 8", "-c", ".targets"])
        #expect(set.stdout.hasSuffix("""
            conversion        15.0%  higher is better
            speed(p90)        24.0h  lower is better
            touches_per_lead  8      higher is better

            """), "\(set.stdout)")
    }
}

/// A change from the period before: signed in a table, ratios in
/// percentage points with ▲ or ▼; raw fractions in CSV under exact headers.
@Suite struct PeriodChangeOutputTests {
    @Test func changesAreMarkedInTablesAndRawInCSV() throws {
        let query = "leads, rate by month vs previous"
        let csv = try LeadQProcess.run(["examples/data", "--no-init", "-c", query, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("month,leads,leads_previous,leads_change,rate,rate_previous,rate_change\n2026-01,7,,,0.5714285714285714,,\n2026-02,2,7,-5,1,0.5714285714285714,0.4285714285714286\n"), "\(csv.stdout)")
        let table = try LeadQProcess.run(["examples/data", "--no-init", "-c", query, "--format", "table"])
        #expect(table.stdout.contains("│ 2026-02 │     2 │              7 │         −5 ▼ │ 100.0% ● │         57.1% │  +42.9 pt ▲ │"), "\(table.stdout)")
    }
}
