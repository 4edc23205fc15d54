import Foundation
import Testing

/// `--tz` on the command line: times without an offset are read in the zone,
/// and every output shows times in it with their offset.
@Suite struct ZoneOutputTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-zone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // L1 at 01:30 New York time (EST) is 06:30Z; T1 at 03:45 (EDT, clocks went forward at 02:00) is 07:45Z.
        try "lead_id,created_at\nL1,2026-03-08T01:30:00\nL2,2026-03-08T04:30:00Z\n".write(
            to: folder.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try "touch_id,lead_id,at\nT1,L1,2026-03-08T03:45:00\n".write(
            to: folder.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func csvJSONAndTableShowTheOffset() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try LeadQProcess.run([folder.path, "--tz", "America/New_York", "-c", "list touches", "--format", "csv"])
        #expect(csv.stdout == "touch_id,lead_id,at\nT1,L1,2026-03-08T03:45:00-04:00\n", "\(csv.stderr)")
        let json = try LeadQProcess.run([folder.path, "--tz", "America/New_York", "-c", "min(created_at), max(created_at)", "--format", "json"])
        #expect(json.stdout.contains(#""2026-03-08T01:30:00-05:00""#) && json.stdout.contains(#""2026-03-07T23:30:00-05:00""#), "\(json.stdout)")
        let table = try LeadQProcess.run([folder.path, "--tz", "America/New_York", "-c", "list touches", "--format", "markdown"])
        #expect(table.stdout.contains("2026-03-08 03:45:00-04:00"), "\(table.stdout)")
        // The same instants in UTC, and a response of 1h15 (not 2h15: an hour was skipped).
        let utc = try LeadQProcess.run([folder.path, "--tz", "America/New_York", "-c", "set tz UTC", "-c", "list leads", "--format", "csv"])
        #expect(utc.stdout.contains("L1,2026-03-08T06:30:00Z,1,2026-03-08T07:45:00Z,,,1.25,"), "\(utc.stdout)")
    }

    @Test func withoutTzTimesAreUTC() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try LeadQProcess.run([folder.path, "-c", "list touches", "--format", "csv"], environment: ["TZ": "America/New_York"])
        #expect(csv.stdout == "touch_id,lead_id,at\nT1,L1,2026-03-08T03:45:00Z\n")
    }

    @Test func anUnknownZoneIsAUsageError() throws {
        let result = try LeadQProcess.run(["--tz", "America/New_Yrok", "-c", "leads"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean America/New_York"), "\(result.stderr)")
    }
}
