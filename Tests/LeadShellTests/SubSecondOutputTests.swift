import Foundation
import Testing

/// Timestamps with a fraction of a second in every output form: ISO 8601 UTC
/// with `.fff` before the `Z` in CSV and JSON, `.fff` after the seconds in a
/// table, and no fraction at all when the second is whole.
@Suite struct SubSecondOutputTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-subsecond-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "lead_id,created_at\nL1,2026-01-05T10:00:00.800Z\nL2,2026-01-05T11:00:00Z\n".write(
            to: folder.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try "lead_id,at,channel\nL1,2026-01-05T10:00:00Z,call\nL1,2026-01-05T10:00:01.05Z,email\nL2,2026-01-05T11:00:00.250Z,call\n".write(
            to: folder.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func csv() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LeadQProcess.run([folder.path, "-c", "list leads", "--format", "csv"])
        #expect(result.stderr == "")
        #expect(result.stdout == """
            lead_id,created_at,followups,first_followup_at,first_channel,first_rep,response,channels,followups_to_convert,last_followup_at,last_touch_at
            L1,2026-01-05T10:00:00.800Z,1,2026-01-05T10:00:01.050Z,email,,6.944444444444444e-05,1,,2026-01-05T10:00:01.050Z,2026-01-05T10:00:01.050Z
            L2,2026-01-05T11:00:00Z,1,2026-01-05T11:00:00.250Z,call,,6.944444444444444e-05,1,,2026-01-05T11:00:00.250Z,2026-01-05T11:00:00.250Z

            """)
    }

    @Test func json() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LeadQProcess.run([folder.path, "-c", "min(at), max(at)", "--format", "json"])
        #expect(result.stderr == "")
        #expect(result.stdout == "[{\"min(at)\":\"2026-01-05T10:00:00Z\",\"max(at)\":\"2026-01-05T11:00:00.250Z\"}]\n")
    }

    @Test func table() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LeadQProcess.run([folder.path, "-c", "list touches", "--format", "markdown"])
        #expect(result.stderr == "")
        #expect(result.stdout.contains("| L1 | 2026-01-05 10:00:00 | call |\n"))
        #expect(result.stdout.contains("| L1 | 2026-01-05 10:00:01.050 | email |\n"))
        #expect(result.stdout.contains("| L2 | 2026-01-05 11:00:00.250 | call |\n"))
    }
}
