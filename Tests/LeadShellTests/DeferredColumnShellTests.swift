import Foundation
import Testing

/// A large activity export's ids stay in the file until a statement or a
/// report needs them; the analyst sees the same answers either way.
@Suite struct DeferredColumnShellTests {
    /// 200,000 touches with an id each, in time order, lead ids scattered;
    /// the last touch is written twice.
    static func folder() throws -> DataFolder {
        var leads = "lead_id,created_at\n"
        for lead in 0..<1_000 { leads += "L\(lead),2026-01-01T00:00:00Z\n" }
        var touches = "Activity ID,lead_id,at,channel,direction,ref\n"
        var last = ""
        for row in 0..<200_000 {
            let minute = 1_000 + row / 60
            let at = String(format: "2026-01-%02dT%02d:%02d:00Z", 2 + minute / 1440, minute / 60 % 24, minute % 60)
            last = "A\(row),L\((row &* 7919) % 1_000),\(at),call,outbound,R-\(row)\n"
            touches += last
        }
        return try DataFolder("deferred", leads: leads, touches: touches + last)
    }

    @Test func idsAreReadWhenAStatementOrCheckNeedsThem() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let size = try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent("touches.csv").path)[.size] as? Int
        #expect((size ?? 0) > 8 << 20, "the touch file must be large enough to leave ids in it")
        let result = try LeadQProcess.run([folder.path, "--no-init",
            "-c", "list touches touch_id, lead_id, ref where touch_id = \"A199999\" or ref = \"R-7\" order by ref",
            "-c", "let mine = touch_id = \"A12\"", "-c", "touches where mine"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("""
            touch_id,lead_id,ref
            A199999,L81,R-199999
            A199999,L81,R-199999
            A7,L433,R-7
            touches
            1
            """), "\(result.stdout)")
        // Exact repeats are told by every column, ids included.
        let check = try LeadQProcess.run([folder.path, "--no-init", "-c", ".check"])
        #expect(check.stdout.contains("Touches repeated exactly (same lead, time and every other column): 1"), "\(check.stdout)")
    }

    /// A status log makes touches of its own: a large touch file beside it
    /// is read whole (stacking touch tables needs every value).
    @Test func aStatusLogBesideALargeTouchFileLoads() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let events = folder.url.appendingPathComponent("events.csv")
        try "lead_id,status,at\nL7,NEW_LEAD,2026-01-01T00:00:00Z\n".write(to: events, atomically: true, encoding: .utf8)
        let result = try LeadQProcess.run(["--events", events.path, "--created", "NEW_LEAD", "--touches", folder.path + "/touches.csv",
                                           "--no-init", "-c", "count", "-c", "list touches touch_id where touch_id = \"A7\""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "count\n1\ntouch_id\nA7\n", "\(result.stdout)")
    }
}
