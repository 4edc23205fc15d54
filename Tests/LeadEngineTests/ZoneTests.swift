import Foundation
import LeadEngine
import LeadQuery
import LeadStore
import Testing

/// Local time on a small data set around both daylight-saving changes of
/// 2026 in New York (clocks forward Sun 8 March at 02:00 EST = 07:00Z, back
/// Sun 1 November at 02:00 EDT = 06:00Z) and Berlin (forward Sun 29 March at
/// 01:00Z, back Sun 25 October at 01:00Z), New Year, ISO week 2026-W53 (Mon
/// 28 Dec 2026 – Sun 3 Jan 2027) and the leap day 2028-02-29. Every answer is
/// worked out by hand in the comments.
@Suite struct ZoneTests {
    // Loaded in America/New_York: values without an offset are New York times.
    //  L1  2026-03-08T01:30 (EST −5)      = 06:30Z   NY day 03-08, UTC day 03-08
    //  L2  2026-03-08T03:30 (EDT −4)      = 07:30Z   NY day 03-08 (a 23-hour day)
    //  L3  2026-03-08T04:30Z              = NY 03-07 23:30 EST: NY day 03-07, UTC day 03-08
    //  L4  2026-11-01T01:30-04:00 (first 01:30)  = 05:30Z  NY day 11-01
    //  L5  2026-11-01T01:30-05:00 (second 01:30) = 06:30Z  NY day 11-01 (a 25-hour day)
    //  L6  2026-11-02T04:59Z              = NY 11-01 23:59 EST: NY day 11-01, UTC day 11-02
    //  L7  2026-12-31T23:30 (EST)         = 2027-01-01T04:30Z: NY 2026, December, 2026-W53; UTC 2027
    //  L8  2028-02-29T22:00-05:00         = 2028-03-01T03:00Z: NY February (leap day), UTC March
    //  L9  2026-03-29T00:30Z              = Berlin 01:30 CET (03-29), NY 03-28 20:30 EDT
    //  L10 2026-03-28T23:30Z              = Berlin 03-29 00:30 CET, UTC 03-28
    //  L11 2026-10-24T22:30Z              = Berlin 10-25 00:30 CEST, UTC 10-24
    static let leads = """
        lead_id,created_at,owner
        L1,2026-03-08T01:30:00,Ana
        L2,2026-03-08T03:30:00,Ana
        L3,2026-03-08T04:30:00Z,Ben
        L4,2026-11-01T01:30:00-04:00,Ben
        L5,2026-11-01T01:30:00-05:00,Ana
        L6,2026-11-02T04:59:00Z,Ben
        L7,2026-12-31T23:30:00,Ana
        L8,2028-02-29T22:00:00-05:00,Ben
        L9,2026-03-29T00:30:00Z,Ana
        L10,2026-03-28T23:30:00Z,Ben
        L11,2026-10-24T22:30:00Z,Ana

        """
    // T1 at 03:45 EDT = 07:45Z: 1h15 after L1 (the clock skipped an hour, so not 2h15).
    // T2 at 2027-01-01T00:10 EST = 05:10Z: 40 minutes after L7, across New Year.
    static let touches = """
        touch_id,lead_id,at,channel
        T1,L1,2026-03-08T03:45:00,call
        T2,L7,2027-01-01T00:10:00,call

        """

    static func session(zone: String = "America/New_York") throws -> Session {
        var leads = DataSource(file: FileBytes(name: "leads.csv", bytes: Array(Self.leads.utf8)))
        var touches = DataSource(file: FileBytes(name: "touches.csv", bytes: Array(Self.touches.utf8)))
        leads.zone = try ZoneRules.named(zone)
        touches.zone = leads.zone
        var session = Session(store: try LeadStore(leads: leads, touches: [touches]), description: "zones")
        session.settings.zone = leads.zone
        return session
    }

    /// The rows of a result as `key=value`, leaving out empty buckets.
    static func rows(_ session: inout Session, _ statement: String) -> [String] {
        guard case .success(.table(let table, _)) = session.run(statement) else { return ["failed: \(session.run(statement))"] }
        return (0..<table.rowCount).compactMap { row in
            let key = table.columns.dropLast().map { column -> String in
                switch column.cell(row) {
                case .int(let v): column.bucketLabel(v) ?? String(v)
                case .text(let v): v
                default: "∅"
                }
            }.joined(separator: ",")
            guard let value = table.columns.last!.number(row), value != 0 else { return nil }
            return key.isEmpty ? ValueText.plain(value) : "\(key)=\(ValueText.plain(value))"
        }
    }

    @Test func daysStartAtLocalMidnight() throws {
        var session = try Self.session()
        // NY: L3 on 03-07; L1, L2 on 03-08.
        #expect(Self.rows(&session, "leads by day during 2026-03-07 to 2026-03-10") == ["2026-03-07=1", "2026-03-08=2"])
        // NY: L4, L5 and L6 on the 25-hour 1 November.
        #expect(Self.rows(&session, "leads by day during 2026-10-31 to 2026-11-03") == ["2026-11-01=3"])
        #expect(Self.rows(&session, "leads during 2026-11-01") == ["3"])
        // The same instants in UTC: L1, L2, L3 on 03-08; L4, L5 on 11-01 and L6 on 11-02.
        _ = session.run("set tz UTC")
        #expect(Self.rows(&session, "leads by day during 2026-03-07 to 2026-03-10") == ["2026-03-08=3"])
        #expect(Self.rows(&session, "leads by day during 2026-10-31 to 2026-11-03") == ["2026-11-01=2", "2026-11-02=1"])
        // Berlin: L9 and L10 on 29 March (23 hours), L11 on 25 October (25 hours).
        _ = session.run("set tz Europe/Berlin")
        #expect(Self.rows(&session, "leads by day during 2026-03-28 to 2026-03-31") == ["2026-03-29=2"])
        #expect(Self.rows(&session, "leads by day during 2026-10-24 to 2026-10-27") == ["2026-10-25=1"])
    }

    @Test func weeksMonthsAndYearsAreLocal() throws {
        var session = try Self.session()
        // L7 is in NY's 2026-W53 and December 2026; in UTC in 2027-W53 and January 2027.
        #expect(Self.rows(&session, "leads by week during 2026-12 to 2027-02") == ["2026-W53=1"])
        #expect(Self.rows(&session, "leads by month during 2026-12 to 2027-02") == ["2026-12=1"])
        // NY 2026: L1–L7 and L9–L11; L8 in 2028, on the leap day.
        #expect(Self.rows(&session, "leads by year") == ["2026=10", "2028=1"])
        #expect(Self.rows(&session, "leads by month during 2028") == ["2028-02=1"])
        #expect(Self.rows(&session, "leads during 2028-02-29") == ["1"])
        _ = session.run("set tz UTC")
        #expect(Self.rows(&session, "leads by month during 2026-12 to 2027-02") == ["2027-01=1"])
        #expect(Self.rows(&session, "leads by year") == ["2026=9", "2027=1", "2028=1"])
        #expect(Self.rows(&session, "leads during 2028-02-29") == [])
        // Weeks from Sunday: L7 (Thu 31 Dec) in the week of Sun 27 Dec in NY.
        _ = session.run("set tz America/New_York")
        _ = session.run("set week_start sunday")
        #expect(Self.rows(&session, "leads by week during 2026-12 to 2027-02") == ["2026-12-27=1"])
    }

    @Test func weekdaysAndHoursOfTheDay() throws {
        var session = try Self.session()
        // NY: Sun L1, L2 (03-08), L4, L5, L6 (11-01); Sat L3 (03-07), L9, L10 (03-28), L11 (10-24);
        // Thu L7 (12-31); Tue L8 (2028-02-29). Every day shows, from Monday.
        guard case .success(.table(let table, _)) = session.run("leads by weekday") else { Issue.record("by weekday failed"); return }
        #expect((0..<table.rowCount).map { table.columns[0].bucketLabel(Int64(table.columns[0].number($0)!))! }
                == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        #expect(Self.rows(&session, "leads by weekday") == ["Tue=1", "Thu=1", "Sat=4", "Sun=5"])
        // Hours in NY: 01:30 L1, L4, L5; 03:30 L2; 23:30 L3, L7; 22:00 L8; 20:30 L9; 19:30 L10; 18:30 L11; 23:59 L6.
        #expect(Self.rows(&session, "leads by hour_of_day") == ["1=3", "3=1", "18=1", "19=1", "20=1", "22=1", "23=3"])
        // Touches: T1 at 03:45 on a Sunday, T2 at 00:10 on a Friday (New Year's Day 2027).
        #expect(Self.rows(&session, "touches by at.weekday") == ["Fri=1", "Sun=1"])
        #expect(Self.rows(&session, "touches by at.hour_of_day") == ["0=1", "3=1"])
        // A weekday has no earlier one to compare with.
        guard case .failure(let error) = session.run("leads by weekday vs previous") else { Issue.record("vs previous by weekday ran"); return }
        #expect(error.message.contains("weekday comes round again"))
        // Weeks from Sunday put Sunday first.
        _ = session.run("set week_start sunday")
        #expect(Self.rows(&session, "leads by weekday") == ["Sun=5", "Tue=1", "Thu=1", "Sat=4"])
        #expect(Self.rows(&session, "leads by created_at.weekday, owner").prefix(2) == ["Sun,Ana=3", "Sun,Ben=2"])
        // In UTC: Sun L1, L2, L3, L4, L5, L9; Mon L6 (11-02); Wed L8 (2028-03-01); Fri L7 (2027-01-01); Sat L10, L11.
        _ = session.run("set tz UTC")
        #expect(Self.rows(&session, "leads by weekday") == ["Sun=6", "Mon=1", "Wed=1", "Fri=1", "Sat=2"])
    }

    @Test func durationsAreElapsedTime() throws {
        var session = try Self.session()
        // 1h15 across the skipped hour, 40 minutes across New Year: the median of the two.
        #expect(Self.rows(&session, "speed(avg)") == [ValueText.plain(Double(TimeScale.perMinute) * 57.5)])
    }

    @Test func periodsAndNowFollowTheZone() throws {
        var session = try Self.session()
        // now 2026-03-08T09:00 NY = 13:00Z; today in NY is 03-08 from 05:00Z to 04:00Z next day: L1, L2.
        #expect(session.run("set now 2026-03-08T09:00:00").isSuccessWith("now is 2026-03-08T09:00:00-04:00"))
        #expect(Self.rows(&session, "leads during today") == ["2"])
        #expect(Self.rows(&session, "leads during yesterday") == ["1"])
        _ = session.run("set tz UTC")
        // The pinned instant stays 13:00Z; UTC's today (03-08) holds L1, L2, L3.
        #expect(Self.rows(&session, "leads during today") == ["3"])
        // A local time written as people write it: 09:00 in Berlin on 23 November is 08:00Z.
        _ = session.run("set tz Europe/Berlin")
        #expect(session.run("set now 2026-11-23 09:00").isSuccessWith("now is 2026-11-23T09:00:00+01:00"))
        #expect(session.run("set now 2026-11-23 09:00:30;").isSuccessWith("now is 2026-11-23T09:00:30+01:00"))
    }

    @Test func offsetLessValuesAreReadInTheLoadZone() throws {
        // Read in UTC, L1 is 01:30Z and L2 03:30Z: in NY, 20:30 and 22:30 on 03-07, with L3 (23:30).
        var session = try Self.session(zone: "UTC")
        _ = session.run("set tz America/New_York")
        #expect(Self.rows(&session, "leads by day during 2026-03-07 to 2026-03-10") == ["2026-03-07=3"])
        #expect(session.store.summary.wallClock.count == 5)
        guard case .success(.done(let said)) = session.run("set tz Europe/Berlin") else { Issue.record("set tz failed"); return }
        #expect(said.contains("5 timestamps written without an offset were read in UTC"))
        #expect(try Self.session().store.stableSummaryLines.contains { $0.contains("5 timestamps written without an offset were read as America/New_York times") })
    }

    @Test func setTimeZoneTakesNamesQuotedNamesAndOffsets() throws {
        var session = try Self.session()
        #expect(session.run("set tz Europe/Berlin").isSuccessWith("times are in Europe/Berlin"))
        #expect(session.run(#"set tz "America/New_York""#).isSuccessWith("times are in America/New_York"))
        #expect(session.run("set tz +05:30").isSuccessWith("times are in +05:30"))
        #expect(session.run("set timezone utc").isSuccessWith("times are in UTC"))
        guard case .failure(let error) = session.run("set tz Europe/Berln") else { Issue.record("an unknown zone was taken"); return }
        #expect(error.message.contains("did you mean Europe/Berlin"))
        // +05:30: L3 (04:30Z) is 10:00 on 03-08; L1 (06:30Z) is 12:00.
        _ = session.run("set tz +05:30")
        #expect(Self.rows(&session, "leads by day during 2026-03-07 to 2026-03-10") == ["2026-03-08=3"])
    }
}

/// Numbers as the tests above write them.
enum ValueText {
    static func plain(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) : String(value)
    }
}

extension Result where Success == StatementOutcome, Failure == Diagnostic {
    /// Whether the statement succeeded saying `text` (before any note after a `;`).
    func isSuccessWith(_ text: String) -> Bool {
        if case .success(.done(let said)) = self { return said.split(separator: ";").first.map(String.init) == text }
        return false
    }
}
