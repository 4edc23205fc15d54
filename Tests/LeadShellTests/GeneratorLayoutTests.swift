import Foundation
import Testing

/// `leadq gen` writes files laid out as CRM exports come, unless asked for
/// the grouped layout.
@Suite struct GeneratorLayoutTests {
    private func generate(_ extra: [String]) throws -> (leads: [String], touches: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-layout-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LeadQProcess.run(["gen", "--leads", "400", "--out", folder.path] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let read = { (name: String) in
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map(String.init)
        }
        return (try read("leads.csv"), try read("touches.csv"))
    }

    @Test func byDefaultTouchesHaveIdsAndComeInTimeOrderAcrossLeads() throws {
        let files = try generate([])
        #expect(files.touches[0] == "touch_id,lead_id,at,channel,rep,direction,outcome")
        let rows = files.touches.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { $0[0] } == (1...rows.count).map { "T" + String(repeating: "0", count: 8 - String($0).count) + String($0) })
        let times = rows.map { $0[2] }
        #expect(times == times.sorted())
        // Touches of one lead are not all together, and the leads file does not list ids in order.
        let leads = rows.map { $0[1] }
        #expect(zip(leads, leads.dropFirst()).filter { $0 != $1 }.count > Set(leads).count)
        let ids = files.leads.dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(ids != ids.sorted())
        #expect(Set(ids) == Set((1...400).map { "L" + String(repeating: "0", count: 7 - String($0).count) + String($0) }))
    }

    @Test func theGroupedLayoutKeepsEachLeadsTouchesTogether() throws {
        let files = try generate(["--layout", "grouped"])
        #expect(files.touches[0] == "lead_id,at,channel,rep,direction,outcome")
        let leads = files.touches.dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(leads == leads.sorted())
        let ids = files.leads.dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(ids == ids.sorted())
    }
}
