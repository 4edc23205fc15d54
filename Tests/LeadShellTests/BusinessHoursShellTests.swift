import Foundation
import LeadEngine
import LeadShell
import Testing

/// Business hours from the command line: a lead's unknown zone is a load
/// warning naming the lead, `.summary` lists the hours and holidays set,
/// and a script stops at a bad range with a caret under it.
@Suite struct BusinessHoursShellTests {
    static func folder(_ leads: String, _ touches: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-hours-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try leads.write(to: folder.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try touches.write(to: folder.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func unknownLeadZoneWarnsAndSummaryListsHours() throws {
        let folder = try Self.folder(
            "lead_id,created_at,Time Zone\nA1,2026-01-12T07:30:00Z,Europe/Berlin\nA2,2026-01-12T07:30:00Z,Europe/Berln\nA3,2026-01-12T07:30:00Z,Europe/Berln\n",
            "lead_id,at\nA1,2026-01-12T08:30:00Z\nA2,2026-01-12T09:30:00Z\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LeadQProcess.run([folder.path, "-c", "set hours Mon-Fri 09:00-17:00", "-c", "set holidays 2026-12-25",
                                           "-c", ".summary", "-c", "list leads lead_id, response_business"])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: leads: timezone \"Europe/Berln\" of lead A2 and 1 other lead is not a time zone; did you mean Europe/Berlin? (their business hours are counted in the session's zone)\n")
        #expect(result.stdout.contains("  hours:   business hours are Mon-Fri 09:00-17:00, in UTC (or in each lead's own timezone, where it has one)\n  holidays: 1 holiday: 2026-12-25\n"))
        // A1 in Berlin: 08:30 to 09:30 local, 30 minutes; A2 in the session's UTC: 07:30Z to 09:30Z, 30 minutes.
        #expect(result.stdout.hasSuffix("lead_id,response_business\nA1,0.5\nA2,0.5\nA3,\n"))
    }

    @Test func badRangeStopsAScriptWithACaret() throws {
        let result = try LeadQProcess.run(["examples/data"], input: "set hours Mon-Fri 17:00-09:00\nspeed(business)\n")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("<stdin>:1:19: error: 17:00-09:00 closes before it opens"))
        #expect(result.stderr.contains("  set hours Mon-Fri 17:00-09:00\n                    ^~~~~~~~~~~\n"))
    }
}

/// Tab completion offers the business-hours words where they fit.
@Suite struct BusinessHoursCompletionTests {
    @Test func completesSettingsArgumentAndField() throws {
        let completer = Completer(session: try Session.demo(leadCount: 50))
        #expect(completer.complete("set ho").candidates == ["holidays", "hours"])
        #expect(completer.complete("speed(bu").candidates == ["business"])
        #expect(completer.complete("leads where response_b").candidates == ["response_business"])
    }
}
