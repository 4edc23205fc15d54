import Foundation
import Testing

/// An infinite number (a sum past the largest double) reads the same in
/// every format: `inf` in CSV, the string "inf" in JSON (which has no
/// infinity), and never null, which means no value.
@Suite struct InfinityOutputTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-infinity-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            lead_id,created_at,segment,deal_size
            L1,2026-01-05T09:00:00Z,SMB,1e308
            L2,2026-01-05T10:00:00Z,SMB,1e308
            L3,2026-01-05T11:00:00Z,Enterprise,
            """.write(to: folder.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try """
            touch_id,lead_id,at,channel,rep,direction,outcome
            T1,L1,2026-01-05T10:00:00Z,call,Ana,outbound,connected
            """.write(to: folder.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func csvAndJSONAgreeOnAnInfiniteSum() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let query = "sum(deal_size) by segment"
        let csv = try LeadQProcess.run([folder.path, "-c", query, "--format", "csv"])
        #expect(csv.stdout == "segment,sum(deal_size)\nEnterprise,\nSMB,inf\n")
        let json = try LeadQProcess.run([folder.path, "-c", query, "--format", "json"])
        #expect(json.stdout == "[{\"segment\":\"Enterprise\",\"sum(deal_size)\":null},\n {\"segment\":\"SMB\",\"sum(deal_size)\":\"inf\"}]\n")
        #expect(json.status == 0)
    }
}
