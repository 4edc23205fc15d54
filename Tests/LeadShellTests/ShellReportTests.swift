import Foundation
import Testing

/// The shell's views and reports: a huge table is capped and says so, a line
/// break stays inside its cell, the demo says where it came from, `.check`
/// and `.schema` show what they promise, and counts read as words.
@Suite struct ShellReportTests {
    @Test func aHugeTableIsCappedAndSaysSo() throws {
        let result = try LeadQProcess.run(["--format", "table", "-c", "list touches", "-c", ".last"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("│ ") }.count
        #expect(rows == 2 * (10_000 + 1), "header and 10,000 rows, twice")
        #expect(result.stdout.contains("41,066 rows (first 10,000 shown) — .mode csv or | export \"FILE\" gives every row"))
        // CSV and markdown still give every row.
        let csv = try LeadQProcess.run(["-c", "list touches"])
        #expect(csv.stdout.split(separator: "\n").count == 41_067)
        let markdown = try LeadQProcess.run(["--format", "markdown", "-c", "list touches"])
        #expect(markdown.stdout.split(separator: "\n").count == 41_068)
    }

    @Test func aLineBreakInACellStaysOnItsRow() throws {
        let result = try LeadQProcess.run(["examples/quoting", "--format", "table", "-c", "list leads lead_id, note"])
        #expect(result.stdout.contains("│ Q4      │ two\\nlines"), "\(result.stdout)")
        #expect(result.stdout.split(separator: "\n").count == 9)
    }

    @Test func theDemoSaysItWasGeneratedAndCanBeReopened() throws {
        let summary = try LeadQProcess.run(["-c", ".summary"])
        #expect(summary.stdout.hasPrefix("Loaded 4,000 leads and 41,066 touches generated in memory in "), "\(summary.stdout)")
        #expect(!summary.stdout.contains("files"))
        let reopened = try LeadQProcess.run(["examples/data", "-c", "leads", "-c", ".open demo", "-c", "leads"])
        #expect(reopened.stdout == "leads\n12\nleads\n4000\n", "\(reopened.stderr)")
        let replaced = try LeadQProcess.run(["-c", ".load leads examples/data/leads.csv", "-c", ".summary", "-c", "leads, touches"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.hasPrefix("Loaded 12 leads and 0 touches from 1 file"), "\(replaced.stdout)")
        #expect(!replaced.stdout.contains("unknown lead"))
        // With no touches left, follow-up KPIs have nothing to measure: null, as for any data set without touches.
        #expect(replaced.stdout.hasSuffix("leads,touches\n12,\n"))
    }

    @Test func checkListsTheTouchesThatDidNotCount() throws {
        let check = try LeadQProcess.run(["examples/data", "-c", ".check"])
        #expect(check.stdout.contains("Those touches:"))
        for row in ["│ before its lead was created │ T07", "│ inbound                     │ T08", "│ unknown lead id             │ T24", "│ no lead id                  │ T25"] {
            #expect(check.stdout.contains(row), "\(row) missing:\n\(check.stdout)")
        }
        let all = try LeadQProcess.run(["examples/data", "-c", ".check touches"])
        #expect(all.stdout.split(separator: "\n") == [
            "reason,touch_id,lead_id,at,channel,rep,direction,outcome",
            "before its lead was created,T07,L03,2026-01-06T08:00:00Z,call,Ana Souza,outbound,voicemail",
            "inbound,T08,L04,2026-01-07T10:00:00Z,email,\"Okafor, Chidi\",inbound,replied",
            "inbound,T09,L04,2026-01-08T11:00:00Z,call,\"Okafor, Chidi\",inbound,connected",
            "inbound,T17,L09,2026-02-10T09:05:00Z,email,Ana Souza,inbound,replied",
            "unknown lead id,T24,L99,2026-03-01T10:00:00Z,call,Ana Souza,outbound,connected",
            "no lead id,T25,,2026-03-02T10:00:00Z,call,Ana Souza,outbound,connected",
        ])
        // The demo has more than ten: .check shows ten and says how to see the rest.
        let demo = try LeadQProcess.run(["-c", ".check"])
        #expect(demo.stdout.contains("The first 10 of them:"))
        #expect(demo.stdout.contains("… and 3,276 more; .check touches lists them all"), "\(demo.stdout)")
        let exported = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-left-out-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: exported) }
        #expect(try LeadQProcess.run(["-c", ".once \(exported)", "-c", ".check touches"]).status == 0)
        #expect(try String(contentsOfFile: exported, encoding: .utf8).split(separator: "\n").count == 3_287)
    }

    @Test func schemaNamesEachStackedFilesHeaders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-stacked-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "lead_id,created_at\nL1,2026-01-01T00:00:00Z\n".write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
        try "Lead,Call Time,Agent\nL1,2026-01-02T00:00:00Z,Ana\n".write(toFile: folder + "/calls.csv", atomically: true, encoding: .utf8)
        try "lead_id,Sent,rep\nL1,2026-01-03T00:00:00Z,Ben\n".write(toFile: folder + "/emails.csv", atomically: true, encoding: .utf8)
        let result = try LeadQProcess.run([
            "--leads", folder + "/leads.csv",
            "--touches", folder + "/calls.csv", "--map", "lead_id=Lead", "--map", "at=Call Time", "--map", "rep=Agent",
            "--touches", folder + "/emails.csv", "--map", "at=Sent", "-c", ".schema",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("touches (2 rows from 2 files)"), "\(result.stdout)")
        #expect(result.stdout.contains("  \(folder)/calls.csv: lead_id from \"Lead\", at from \"Call Time\", rep from \"Agent\""), "\(result.stdout)")
        #expect(result.stdout.contains("  \(folder)/emails.csv: at from \"Sent\""), "\(result.stdout)")
    }

    @Test func countsReadAsWords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-one-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "lead_id,created_at\nL1,2026-01-01T00:00:00Z\n".write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
        try "lead_id,at\nL1,2026-01-02T00:00:00Z\nL9,2026-01-02T00:00:00Z\n".write(toFile: folder + "/touches.csv", atomically: true, encoding: .utf8)
        let result = try LeadQProcess.run([folder, "-c", ".summary", "-c", ".check"])
        #expect(result.stdout.hasPrefix("Loaded 1 lead and 2 touches from 2 files"), "\(result.stdout)")
        #expect(result.stdout.contains("  touches: 1 follow-up, 1 for 1 unknown lead id"), "\(result.stdout)")
        #expect(result.stdout.contains("  1 for 1 lead id that is not in the leads file"), "\(result.stdout)")
    }
}
