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
