import Foundation
import Testing

/// `--date-format` on the command line, under the rule of every data option:
/// after a file option it applies to that file, before the first to every file.
@Suite struct DateFormatOptionTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-date-format-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try "lead_id,created_at\nL1,01-02-2018\nL2,03-04-2018 10:30\n".write(
            to: url.appendingPathComponent("l.csv"), atomically: true, encoding: .utf8)
        try "lead_id,at\nL1,01-02-2018 10:00\n".write(to: url.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        return url
    }

    @Test func beforeTheFirstFileItAppliesToEveryFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let leads = dir.appendingPathComponent("l.csv").path, touches = dir.appendingPathComponent("t.csv").path
        let result = try LeadQProcess.run([
            "--date-format", "DD-MM-YYYY", "--leads", leads, "--touches", touches, "--no-init",
            "-c", "min(created_at), max(created_at), rate", "-c", "list touches",
        ])
        #expect(result.stderr == "")
        #expect(result.stdout == "min(created_at),max(created_at),rate\n2018-02-01T00:00:00Z,2018-04-03T10:30:00Z,0.5\nlead_id,at\nL1,2018-02-01T10:00:00Z\n")
    }

    @Test func afterAFileItAppliesToThatFile() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let leads = dir.appendingPathComponent("l.csv").path, touches = dir.appendingPathComponent("t.csv").path
        // Written after --touches it is the touches' alone; the leads' dates show no order of their own.
        let touchesOnly = try LeadQProcess.run(["--leads", leads, "--touches", touches, "--date-format", "MM-DD-YYYY", "--no-init", "-c", "leads"])
        #expect(touchesOnly.status == 2)
        #expect(touchesOnly.stderr.contains("l.csv: error: created_at has dates such as \"01-02-2018\" that read both day first and month first, and no value decides; name the order with --date-format DD-MM-YYYY or MM-DD-YYYY"))
        let each = try LeadQProcess.run([
            "--leads", leads, "--date-format", "DD-MM-YYYY", "--touches", touches, "--date-format", "MM/DD/YYYY", "--no-init",
            "-c", "min(created_at)", "-c", "list touches",
        ])
        #expect(each.stderr == "")
        #expect(each.stdout == "min(created_at)\n2018-02-01T00:00:00Z\nlead_id,at\nL1,2018-01-02T10:00:00Z\n")
    }

    @Test func anUnknownFormatNamesTheOnesLeadqKnows() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try LeadQProcess.run(["--leads", dir.appendingPathComponent("l.csv").path, "--date-format", "DD-YYYY", "--no-init", "-c", "leads"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("DD-YYYY"))
        #expect(result.stderr.contains("DD-MM-YYYY, MM-DD-YYYY or YYYY-MM-DD"))
    }

    /// The Olist funnel writes `01-02-2018` for 1 February: its columns show
    /// by themselves that they are day first, and the summary says so.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: olist)))
    func olistDatesAreDayFirst() throws {
        let result = try LeadQProcess.run([
            "--leads", Self.olist + "/olist_marketing_qualified_leads_dataset.csv", "--map", "lead_id=mql_id",
            "--map", "created_at=first_contact_date", "--no-init", "-c", ".summary", "-c", "min(created_at), max(created_at)",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("olist_marketing_qualified_leads_dataset.csv: created_at read day first (DD-MM-YYYY), as \"20-10-2017\" shows"))
        #expect(result.stdout.hasSuffix("min(created_at),max(created_at)\n2017-06-14T00:00:00Z,2018-05-31T00:00:00Z\n"))
    }

    static let olist = LeadQProcess.root.appendingPathComponent("../shared/realdata/olist-marketing-funnel").standardized.path
}
