import Foundation
import LeadStore
import Testing

/// Zone rules read from the system's tz database, against offsets known
/// from the published rules.
@Suite struct ZoneRulesTests {
    static func moment(_ text: String) -> Int64 { TimestampParser.parse(text)! }

    @Test func newYorkAndBerlinIn2026() throws {
        let york = try ZoneRules.named("America/New_York"), berlin = try ZoneRules.named("Europe/Berlin")
        let hour = TimeScale.perHour
        #expect(york.offset(at: Self.moment("2026-03-08T06:59:59Z")) == -5 * hour)
        #expect(york.offset(at: Self.moment("2026-03-08T07:00:00Z")) == -4 * hour)
        #expect(york.offset(at: Self.moment("2026-11-01T05:59:59Z")) == -4 * hour)
        #expect(york.offset(at: Self.moment("2026-11-01T06:00:00Z")) == -5 * hour)
        #expect(berlin.offset(at: Self.moment("2026-03-29T00:59:59Z")) == hour)
        #expect(berlin.offset(at: Self.moment("2026-03-29T01:00:00Z")) == 2 * hour)
        #expect(berlin.offset(at: Self.moment("2026-10-25T01:00:00Z")) == hour)
    }

    /// Past the file's last listed change, its closing rule (`EST5EDT,M3.2.0,M11.1.0`) goes on:
    /// in 2100 clocks go forward on Sunday 14 March and back on Sunday 7 November.
    @Test func theClosingRuleCarriesOn() throws {
        let york = try ZoneRules.named("America/New_York")
        #expect(york.offset(at: Self.moment("2100-03-14T06:59:00Z")) == -5 * TimeScale.perHour)
        #expect(york.offset(at: Self.moment("2100-03-14T07:00:00Z")) == -4 * TimeScale.perHour)
        #expect(york.offset(at: Self.moment("2100-11-07T06:00:00Z")) == -5 * TimeScale.perHour)
    }

    @Test func wallClockTimesSkippedOrRepeated() throws {
        let york = try ZoneRules.named("America/New_York")
        // 02:30 on 8 March never happens: read with the offset before the change, it is 03:30 EDT, 07:30Z.
        #expect(york.instant(wall: Self.moment("2026-03-08T02:30:00Z")) == Self.moment("2026-03-08T07:30:00Z"))
        // 02:00, where the gap starts (an hour bucket's start), is the change itself.
        #expect(york.instant(wall: Self.moment("2026-03-08T02:00:00Z")) == Self.moment("2026-03-08T07:00:00Z"))
        // 01:30 on 1 November happens twice: the first, in EDT.
        #expect(york.instant(wall: Self.moment("2026-11-01T01:30:00Z")) == Self.moment("2026-11-01T05:30:00Z"))
        #expect(york.instant(wall: Self.moment("2026-07-01T12:00:00Z")) == Self.moment("2026-07-01T16:00:00Z"))
        #expect(york.iso8601(Self.moment("2026-11-01T06:30:00Z")) == "2026-11-01T01:30:00-05:00")
    }

    @Test func namesOffsetsAndMistakes() throws {
        #expect(try ZoneRules.named("utc").isUTC)
        #expect(try ZoneRules.named("+05:30").offset(at: 0) == 330 * TimeScale.perMinute)
        #expect(try ZoneRules.named("-0930").name == "-09:30")
        #expect(try ZoneRules.named("europe/berlin").name == "Europe/Berlin")
        #expect(try ZoneRules.named("Asia/Kathmandu").offset(at: Self.moment("2026-01-01T00:00:00Z")) == 345 * TimeScale.perMinute)
        #expect(throws: ZoneRules.UnknownZone.self) { try ZoneRules.named("../../etc/passwd") }
        do {
            _ = try ZoneRules.named("America/Sao_Pualo")
            Issue.record("an unknown zone was taken")
        } catch {
            #expect(error.suggestions.contains("America/Sao_Paulo"))
        }
    }

    /// Values without an offset are read in the load's zone, in every form; values with one keep their instant.
    @Test func loadingReadsOffsetLessValuesInTheZone() throws {
        let leads = """
            lead_id,created_at
            A,2026-07-01T09:00:00
            B,2026-07-01 09:00
            C,7/1/2026 9:00 AM
            D,"Jul 1, 2026 9:00 AM"
            E,2026-07-01T09:00:00.250
            F,2026-07-01T09:00:00+02:00
            G,2026-07-01T09:00:00Z
            H,1782896400

            """
        var source = DataSource(file: FileBytes(name: "leads.csv", bytes: Array(leads.utf8)))
        source.zone = try ZoneRules.named("America/New_York")
        let store = try LeadStore(leads: source, touches: [])
        let times = store.leads.timestamps("created_at")!
        let nine = Self.moment("2026-07-01T13:00:00Z")
        #expect(Array(times) == [nine, nine, nine, nine, nine + 250, Self.moment("2026-07-01T07:00:00Z"),
                                 Self.moment("2026-07-01T09:00:00Z"), 1_782_896_400_000])
        #expect(store.summary.wallClock.count == 5)
    }
}
