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
