import Foundation
import LeadEngine
import LeadQuery
import LeadStore
import Testing

/// Business time on a small data set, every answer worked out by hand, with
/// `set hours Mon-Fri 09:00-17:00` and `set holidays 2026-12-25` in a UTC
/// session unless a case says otherwise.
@Suite struct BusinessHoursTests {
    //  B1  Fri 2026-01-09 17:55Z, called Mon 01-12 09:10Z: closed until Monday 09:00, so 10 minutes.
    //  B2  Sat 2026-01-10 10:00Z, called Sat 15:00Z: closed all along, 0 (the clock starts Monday).
    //  B3  Thu 2026-12-24 16:00Z, called Mon 12-28 10:00Z: Thu 16-17 and Mon 9-10, 2h; the
    //      holiday Fri 12-25 counts nothing (without it, 10h).
    //  B4  timezone America/New_York: Fri 2026-03-06 16:00 EST (21:00Z), called Mon 03-09 10:00 EDT
    //      (14:00Z), after clocks went forward on Sun 03-08: Fri 16-17 and Mon 9-10 New York time, 2h
    //      (65h of elapsed time; in the session's UTC it would be Mon 09:00Z-14:00Z, 5h).
    //  B5  timezone Europe/Berlin: Mon 2026-01-12 08:30 CET (07:30Z), called 09:30 CET (08:30Z):
    //      open from 09:00 Berlin time, 30 minutes (in UTC, before opening: 0).
    //  B6  timezone "Mars/Olympus", no zone: the session's, Mon 01-12 12:00Z to 13:30Z, 1.5h.
    //  B7  never followed up: null.
    static let leads = """
        lead_id,created_at,owner,timezone
        B1,2026-01-09T17:55:00Z,Ana,
        B2,2026-01-10T10:00:00Z,Ana,
        B3,2026-12-24T16:00:00Z,Ben,
        B4,2026-03-06T21:00:00Z,Ben,America/New_York
        B5,2026-01-12T07:30:00Z,Cleo,Europe/Berlin
        B6,2026-01-12T12:00:00Z,Cleo,Mars/Olympus
        B7,2026-01-13T12:00:00Z,Cleo,

        """
    static let touches = """
        touch_id,lead_id,at,channel
        T1,B1,2026-01-12T09:10:00Z,call
        T2,B2,2026-01-10T15:00:00Z,call
        T3,B3,2026-12-28T10:00:00Z,email
        T4,B4,2026-03-09T14:00:00Z,call
        T5,B5,2026-01-12T08:30:00Z,call
        T6,B6,2026-01-12T13:30:00Z,call

        """

    static func session(leads: String = leads, touches: String = touches) throws -> Session {
        let store = try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array(leads.utf8))),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: Array(touches.utf8)))])
        return Session(store: store, description: "business hours")
    }

    static func run(_ session: inout Session, _ statements: String...) {
        for statement in statements {
            if case .failure(let error) = session.run(statement) { Issue.record("\(statement): \(error.message)") }
        }
    }

    /// Each lead's `response_business` in minutes (nil for null).
    static func minutes(_ session: inout Session) -> [String: Double?] {
        guard case .success(.table(let table, _)) = session.run("list leads lead_id, response_business") else { return [:] }
        var result: [String: Double?] = [:]
        for row in 0..<table.rowCount {
            guard case .text(let id) = table.columns[0].cell(row) else { continue }
            result.updateValue(table.columns[1].number(row).map { $0 / Double(TimeScale.perMinute) }, forKey: id)
        }
        return result
    }

    /// The first row's measures, durations in minutes.
    static func values(_ session: inout Session, _ statement: String) -> [Double?] {
        guard case .success(.table(let table, _)) = session.run(statement) else { return [] }
        return table.columns.map { column in
            column.number(0).map { column.kind == .duration ? $0 / Double(TimeScale.perMinute) : $0 }
        }
    }

    @Test func handCheckedResponses() throws {
        var session = try Self.session()
        Self.run(&session, "set hours Mon-Fri 09:00-17:00", "set holidays 2026-12-25")
        let minutes = Self.minutes(&session)
        let expected: [String: Double?] = ["B1": 10, "B2": 0, "B3": 120, "B4": 120, "B5": 30, "B6": 90, "B7": Double?.none]
        #expect(minutes == expected)
        Self.run(&session, "set holidays off")
        #expect(Self.minutes(&session)["B3"] == 600)
    }

    /// speed(business) over 0, 10, 30, 90, 120, 120 minutes: median 60, mean 370/6, p90 120;
    /// within 1h: B1, B2, B5 of seven leads (calendar time: only B5, at exactly 1h).
    @Test func kpisCountBusinessTime() throws {
        var session = try Self.session()
        Self.run(&session, "set hours Mon-Fri 09:00-17:00", "set holidays 2026-12-25")
        let values = Self.values(&session, "speed(business), speed(business, p90), speed(business, avg), within(1h, business), within(1h)")
        #expect(values.count == 5)
        guard values.count == 5 else { return }
        #expect(values[0] == 60)
        #expect(values[1] == 120)
        #expect(abs(values[2]! - 370.0 / 6) < 1e-9)
        #expect(values[3] == 3.0 / 7)
        #expect(values[4] == 1.0 / 7)
        guard case .success(.table(let table, _)) = session.run("speed(business), within(1h, business)") else { Issue.record("no table"); return }
        #expect(table.columns[0].bands?[0] == .excellent)
        // 3 of 7 is 43%: at least 25%, good.
        #expect(table.columns[1].bands?[0] == .good)
    }

    /// With grace, young leads are left out as they are of speed: at 2026-12-28 12:00Z with
    /// 7 days' grace B3 (created 12-24) is out, leaving 0, 10, 30, 90, 120: median 30.
    @Test func graceLeavesOutYoungLeadsAsForSpeed() throws {
        var session = try Self.session()
        Self.run(&session, "set hours Mon-Fri 09:00-17:00", "set now 2026-12-28T12:00:00Z", "set grace 7d")
        #expect(Self.values(&session, "speed(business)") == [30])
        #expect(Self.values(&session, "within(1h, business)") == [3.0 / 6])
    }

    /// response_business works where response does: where, by bucket(…), let.
    @Test func responseBusinessIsAField() throws {
        var session = try Self.session()
        Self.run(&session, "set hours Mon-Fri 09:00-17:00", "set holidays 2026-12-25", "let quick = response_business <= 30min")
        #expect(Self.values(&session, "count where response_business > 1h") == [3])
        #expect(Self.values(&session, "count where quick") == [3])
        guard case .success(.table(let table, _)) = session.run("leads by bucket(response_business, 30min, 2h)") else { Issue.record("no table"); return }
        // <30min: B1 B2; 30min-2h: B5 B6; 2h+: B3 B4; null: B7.
        #expect((0..<table.rowCount).map { table.columns[1].number($0) } == [2, 2, 2, 1])
    }

    /// New York: clocks forward Sun 2026-03-08 at 02:00 EST (07:00Z), back Sun 11-01 at 02:00 EDT (06:00Z).
    /// With Sun 01:00-04:00 open: on 03-08 01:00-02:00 EST (06:00Z-07:00Z) and 03:00-04:00 EDT
    /// (07:00Z-08:00Z), 2h (the hour 02:00-03:00 never happens); on 11-01 01:00-02:00 EDT (05:00Z-06:00Z),
    /// 01:00-02:00 EST again (06:00Z-07:00Z) and 02:00-04:00 EST (07:00Z-09:00Z), 4h.
    /// Each lead is created at local midnight and called at 05:00 local.
    @Test func daylightSavingChangesInNewYork() throws {
        let leads = """
            lead_id,created_at
            D1,2026-03-08T05:00:00Z
            D2,2026-11-01T04:00:00Z
            D3,2026-03-06T21:00:00Z

            """
        // D3 as B4: Fri 16:00 EST to Mon 10:00 EDT is 2h of Mon-Fri 09:00-17:00.
        let touches = """
            lead_id,at
            D1,2026-03-08T09:00:00Z
            D2,2026-11-01T10:00:00Z
            D3,2026-03-09T14:00:00Z

            """
        var session = try Self.session(leads: leads, touches: touches)
        Self.run(&session, "set tz America/New_York", "set hours Sun 01:00-04:00")
        var minutes = Self.minutes(&session)
        #expect(minutes["D1"] == 120)
        #expect(minutes["D2"] == 240)
        Self.run(&session, "set hours Mon-Fri 09:00-17:00")
        minutes = Self.minutes(&session)
        #expect(minutes["D3"] == 120)
        // The same hours in UTC: Mon 09:00Z-14:00Z.
        Self.run(&session, "set tz UTC")
        #expect(Self.minutes(&session)["D3"] == 300)
    }

    @Test func unknownLeadZoneIsALoadWarning() throws {
        let session = try Self.session()
        #expect(session.store.summary.warnings.contains {
            $0.contains("timezone \"Mars/Olympus\" of lead B6") && $0.contains("session's zone")
        })
    }

    @Test func hoursAreListedAndCleared() throws {
        var session = try Self.session()
        #expect(session.businessSummaryLines.isEmpty)
        guard case .success(.done(let said)) = session.run("set hours Mon-Thu 08:00-18:00, Fri 08:00-14:00") else { Issue.record("set hours failed"); return }
        #expect(said == "business hours are Mon-Thu 08:00-18:00, Fri 08:00-14:00, in UTC (or in each lead's own timezone, where it has one)")
        Self.run(&session, "set holidays 2026-12-25, 2026-12-26")
        #expect(session.businessSummaryLines == [
            "  hours:   business hours are Mon-Thu 08:00-18:00, Fri 08:00-14:00, in UTC (or in each lead's own timezone, where it has one)",
            "  holidays: 2 holidays: 2026-12-25, 2026-12-26",
        ])
        guard case .success(.done(let off)) = session.run("set hours off") else { Issue.record("set hours off failed"); return }
        #expect(off == "no business hours")
        #expect(session.businessSummaryLines.isEmpty)
        guard case .failure(let error) = session.run("speed(business)") else { Issue.record("speed(business) ran without hours"); return }
        #expect(error.message.contains("set hours Mon-Fri 09:00-17:00"))
    }

    /// Several ranges a day, days in any spelling, ranges of days that wrap past Sunday.
    @Test(arguments: [
        ("Mon-Fri 9-12 13:00-17:00", "Mon-Fri 09:00-12:00 13:00-17:00"),
        ("weekdays 08:30-17:30, Sat 10:00-14:00", "Mon-Fri 08:30-17:30, Sat 10:00-14:00"),
        ("Sun-Thu 08:00-16:00", "Mon-Thu 08:00-16:00, Sun 08:00-16:00"),
        ("monday tuesday 09:00-17:00, Tue 16:00-20:00", "Mon 09:00-17:00, Tue 09:00-20:00"),
        ("\"daily 00:00-24:00\"", "Mon-Sun 00:00-24:00"),
        ("Mon – Fri 09:00 – 17:00", "Mon-Fri 09:00-17:00"),
    ])
    func hoursAreReadAsWritten(written: String, shown: String) throws {
        var session = try Self.session()
        guard case .success(.done(let said)) = session.run("set hours " + written) else {
            Issue.record("set hours \(written): \(session.run("set hours " + written))")
            return
        }
        #expect(said.hasPrefix("business hours are \(shown), in UTC"))
    }

    /// Errors point at what is wrong and say how to write it.
    @Test(arguments: [
        ("speed(business)", "1:7", "speed(business) counts business hours, and none are set: set hours Mon-Fri 09:00-17:00 sets them"),
        ("within(1h, business)", "1:12", "within(…, business) counts business hours, and none are set: set hours Mon-Fri 09:00-17:00"),
        ("list leads lead_id, response_business", "1:21", "response_business counts business hours, and none are set"),
        ("leads by response_business", "1:10", "response_business counts business hours, and none are set"),
        ("count where response_business < 1h", "1:13", "response_business counts business hours, and none are set"),
        ("set hours Mon-Fri 17:00-09:00", "1:19", "17:00-09:00 closes before it opens"),
        ("set hours Mnday-Fri 09:00-17:00", "1:11", "unknown day \"Mnday\"; did you mean Monday?"),
        ("set hours Mon-Fri 09:00-25:00", "1:25", "\"25:00\" is not a time of day"),
        ("set hours Mon-Fri 9am-5pm", "1:19", "\"9am\" is not a time of day"),
        ("set hours Mon-Fri", "1:18", "expected opening hours after Mon-Fri, such as 09:00-17:00"),
        ("set hours 09:00-17:00", "1:11", "expected days such as Mon-Fri before 09:00"),
        ("set hours Mon-Fri 09:00-17:00,\n  Frday 09:00-12:00", "2:3", "unknown day \"Frday\"; did you mean Friday?"),
        ("set holidays 2026-12", "1:14", "a holiday is one day, such as 2026-12-25, not a month"),
        ("let response_business = response <= 1h", "1:5", "response_business is already a field or KPI"),
        ("set holidays \"no/such/holidays.csv\"", "1:14", "no/such/holidays.csv: no such file"),
    ])
    func errorsSayWhatToWrite(statement: String, place: String, message: String) throws {
        var session = try Self.session()
        guard case .failure(let error) = session.run(statement) else {
            Issue.record("\(statement) did not fail")
            return
        }
        #expect(error.range.description == place, "\(statement): \(error.message)")
        #expect(error.message.hasPrefix(message), "\(statement): \(error.message)")
    }

    @Test func misspeltDayHasAFix() throws {
        var session = try Self.session()
        guard case .failure(let error) = session.run("set hours Mon-Fryday 09:00-17:00") else { Issue.record("no error"); return }
        #expect(error.fixIt == "Friday")
        #expect(error.range.start == 14 && error.range.end == 20)
    }

    /// A holidays file: one date a line, a header, names after a comma, comments and blank lines;
    /// a bad line is named by file and line.
    @Test func holidaysFromAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-holidays-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("holidays.csv"), bad = folder.appendingPathComponent("bad.csv")
        try "date,name\n2026-12-25,Christmas Day\n\n# boxing day\n2026-12-26\n".write(to: good, atomically: true, encoding: .utf8)
        try "2026-12-25\n2026-12-26\n2026-02-30\n".write(to: bad, atomically: true, encoding: .utf8)
        var session = try Self.session()
        Self.run(&session, "set hours Mon-Fri 09:00-17:00")
        guard case .success(.done(let said)) = session.run("set holidays \"\(good.path)\"") else { Issue.record("file not read"); return }
        #expect(said == "2 holidays: 2026-12-25, 2026-12-26")
        #expect(Self.minutes(&session)["B3"] == 120)
        guard case .failure(let error) = session.run("set holidays \"\(bad.path)\"") else { Issue.record("bad file read"); return }
        #expect(error.message == "\(bad.path):3: \"2026-02-30\" is not a date: write one date a line, such as 2026-12-25")
        #expect(error.range.column == 14)
    }

    /// Changing the zone or the hours counts again; the same setting is counted once.
    @Test func countedAgainWhenTheSettingChanges() throws {
        var session = try Self.session()
        Self.run(&session, "set hours Mon-Fri 09:00-17:00")
        #expect(Self.minutes(&session)["B6"] == 90)
        Self.run(&session, "set hours Mon-Fri 13:00-17:00")
        #expect(Self.minutes(&session)["B6"] == 30)
        Self.run(&session, "set tz Asia/Kolkata")
        // 12:00Z-13:30Z is 17:30-19:00 in Kolkata: closed.
        #expect(Self.minutes(&session)["B6"] == 0)
    }
}
