import Foundation
import Testing

/// Zone names from a hostile file or prompt: thousands of distinct unknown
/// names in a lead's `timezone` give one warning naming the first and how
/// many more, and a name far longer than any zone is cut short in the error.
@Suite struct HostileZoneTests {
    @Test func thousandsOfUnknownLeadZonesGiveOneWarning() throws {
        var leads = "lead_id,created_at,Time Zone\n"
        for i in 0..<10_000 { leads += "L\(i),2026-03-01 10:00,Nowhere/Z\(i % 5_000)\n" }
        let folder = try BusinessHoursShellTests.folder(leads, "lead_id,at\nL0,2026-03-02 10:00\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LeadQProcess.run([folder.path, "--no-init", "-c", "leads"])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: leads: timezone \"Nowhere/Z0\" of lead L0 and 1 other lead is not a time zone (nor are 4,999 more names, on 9,998 leads; all their business hours are counted in the session's zone)\n")
        #expect(result.stdout == "leads\n10000\n")
    }

    @Test func longZoneNameIsCutShortInTheError() throws {
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", "set tz " + String(repeating: "A", count: 100_000)])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("-c:1:8: error: unknown time zone \"" + String(repeating: "A", count: 60) + "…\" (zones are IANA names"))
    }
}
