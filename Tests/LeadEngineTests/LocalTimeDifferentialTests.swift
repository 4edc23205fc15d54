import Foundation
import LeadEngine
import LeadEngines
import LeadQuery
import LeadSQL
import LeadStore
import Testing

/// Local time and business hours in SQL, on data around the days clocks
/// change, in memory and on DuckDB and PostgreSQL (a server whose own zone is
/// Los Angeles): every statement must compile, and the answers agree.
/// New York: forward Sun 2026-03-08 at 07:00Z (02:00 EST → 03:00 EDT), back
/// Sun 2026-11-01 at 06:00Z (02:00 EDT → 01:00 EST). Berlin: forward Sun
/// 2026-03-29 at 01:00Z, back Sun 2026-10-25 at 01:00Z. Lord Howe moves by
/// half an hour; Santiago changes at midnight.
@Suite(.serialized) struct LocalTimeDifferentialTests {
    //  D01 Sat 03-07 17:00 EST → Mon 03-09 10:10 EDT: with Mon-Fri 09:00-17:00, 70 minutes.
    //  D02 Sun 03-08 01:30 EST → 03:45 EDT: 1h15 of instants across the skipped hour; with
    //      Mon-Sun 01:00-03:30, 01:30-02:00 EST and 03:00-03:30 EDT are open: 1h.
    //  D03 Sun 11-01 01:30 EDT → 01:45 EST: 1h15 of instants across the repeated hour, all of
    //      them open with Mon-Sun 01:00-03:30 (the repeated hour is open twice): 1h15.
    //  D07 Thu 12-24 15:00 EST → Mon 12-28 10:00 EST: 2h + Fri 8h + 1h = 11h with Mon-Fri
    //      09:00-17:00; with Fri 12-25 a holiday, 3h.
    static let leads = """
        lead_id,created_at,owner,segment
        D01,2026-03-07T22:00:00Z,Ana,SMB
        D02,2026-03-08T01:30:00-05:00,Ana,SMB
        D03,2026-11-01T01:30:00-04:00,Ben,Enterprise
        D04,2026-10-31T12:00:00Z,Ben,SMB
        D05,2026-03-28T23:30:00Z,Ana,Enterprise
        D06,2026-10-24T22:30:00Z,Ben,SMB
        D07,2026-12-24T20:00:00Z,Ana,SMB
        D08,2026-12-31T23:30:00Z,Ben,Enterprise
        D09,2026-06-10T13:00:00Z,Ana,SMB
        D10,2026-06-10T13:00:00Z,Ben,SMB
        D11,2026-02-27T15:00:00Z,Ana,Enterprise
        D12,2026-01-01T12:00:00Z,Ben,SMB
        D13,2026-04-04T02:30:00Z,Ana,SMB
        D14,2026-09-05T23:30:00Z,Ben,SMB
        D15,2026-04-04T14:45:00Z,Ana,Enterprise

        """
    static let touches = """
        touch_id,lead_id,at,channel
        T01,D01,2026-03-09T14:10:00Z,call
        T02,D02,2026-03-08T03:45:00-04:00,call
        T03,D03,2026-11-01T01:45:00-05:00,email
        T04,D04,2026-11-02T15:00:00Z,call
        T05,D05,2026-03-29T02:30:00Z,email
        T06,D06,2026-10-25T03:00:00Z,call
        T07,D07,2026-12-28T15:00:00Z,call
        T08,D08,2027-01-04T14:00:00Z,sms
        T09,D09,2026-06-10T13:20:00Z,call
        T10,D11,2026-03-02T15:00:00Z,call
        T11,D12,2026-01-01T12:00:00Z,email
        T12,D13,2026-04-06T03:30:00Z,call
        T13,D14,2026-09-07T04:30:00Z,call
        T14,D15,2026-04-05T16:00:00Z,email
        T15,D02,2026-03-08T08:30:00Z,email

        """

    static let statements: [String] = {
        let queries = [
            "leads by day", "leads by hour_of_day", "touches by weekday", "leads, rate by week", "leads by month",
            "touches by at.hour_of_day, channel", "leads by created_at.weekday, segment", "leads by hour during 2026-03-08",
            "list leads lead_id, response, response_business", "speed(business), speed(business, p90), within(1h, business) by owner",
            "speed(business, avg), within(30min, business) by weekday", "leads by response_business <= 1h",
        ]
        let settings = [
            ["set tz America/New_York", "set hours Mon-Fri 09:00-17:00"],
            ["set hours Mon-Fri 09:00-12:00 13:00-17:00, Sat-Sun 00:00-24:00", "set holidays 2026-12-25, 2027-01-01"],
            ["set hours Mon-Sun 01:00-03:30", "set now 2026-03-09 08:00"],
            ["set tz Europe/Berlin", "set hours Mon-Sun 00:00-24:00", "set holidays 2026-10-25"],
            ["set tz Australia/Lord_Howe", "set hours Sun 01:00-03:00, Mon-Fri 08:00-18:00"],
            ["set tz America/Santiago", "set week_start sunday"],
            ["set tz +05:45", "set holidays 2026-12-25"],
        ]
        return settings.flatMap { $0 + queries } + ["leads by day during yesterday", "set tz UTC", "set week_start monday"]
    }()

    static func write() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-localtime-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try leads.write(to: folder.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try touches.write(to: folder.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
        return folder.path
    }

    @Test func duckDBAgreesAroundClockChanges() throws {
        let folder = try Self.write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard var pair = try DifferentialTests.sessions(leads: folder + "/leads.csv", touches: folder + "/touches.csv") else { return }
        let compared = try DifferentialTests.compare(Self.statements, &pair, context: "local time")
        #expect(compared == Self.statements.filter { !$0.hasPrefix("set ") }.count)
    }

    @Test func postgresAgreesAroundClockChangesInAnyServerZone() throws {
        guard let server = PostgresDifferentialTests.server() else { return }
        defer { server.stop() }
        let folder = try Self.write()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var pair = try PostgresDifferentialTests.sessions(folder, conninfo: try PostgresDifferentialTests.load(folder, into: server, database: "zoned"))
        let compared = try DifferentialTests.compare(Self.statements, &pair, context: "local time", dialect: "postgres")
        #expect(compared == Self.statements.filter { !$0.hasPrefix("set ") }.count)
    }
}
