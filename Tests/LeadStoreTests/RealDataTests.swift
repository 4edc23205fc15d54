import Foundation
import LeadStore
import Testing

/// Real CRM exports from ../shared/realdata (not part of the project: their
/// licence is unknown). Skipped, and reported as skipped, where they are absent.
@Suite struct RealDataTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/realdata/zoho-shaped").standardized.path
    static let present = FileManager.default.fileExists(atPath: folder + "/Leads.csv")

    @Test(.enabled(if: present, "../shared/realdata/zoho-shaped is not on this machine: skipped"))
    func zohoExportsLoadWithAliasesAlone() throws {
        let store = try LeadStore(
            leads: DataSource(path: Self.folder + "/Leads.csv"),
            touches: [DataSource(path: Self.folder + "/Calls.csv"), DataSource(path: Self.folder + "/Events.csv")])
        #expect(store.leads.rowCount == 3900)
        #expect(store.touches.rowCount == 4100 + 2978)
        #expect(store.leads["created_at"]?.origin == "Created Time")
        #expect(store.leads["owner"]?.origin == "Lead Owner")
        #expect(store.leads["source"]?.origin == "Lead Source")
        #expect(store.touches["direction"]?.origin == "Call Type")
        // 170 calls and 1,115 events name a known lead; the rest name none.
        let counts = store.followUps.counts
        #expect(counts.followUps + counts.inbound + counts.beforeCreation == 170 + 1115)
        #expect(counts.beforeCreation == 129)
        #expect(counts.withoutLeadID == 4100 + 2978 - 170 - 1115)
        #expect(counts.unknownLead == 0)
    }
}
