import LeadStore
import Testing

/// Every timestamp form leadq reads, to the exact second, and the ones it refuses.
@Suite struct TimestampTests {
    static let seconds: Double = 1_741_079_707  // 2025-03-04T09:15:07Z
    static let expected = TimeScale.units(seconds: seconds)

    /// Each form and the moment it names, in seconds since the epoch.
    static let forms: [(String, Double)] = [
        ("2025-03-04T09:15:07Z", seconds),
        ("2025-03-04T09:15:07.250Z", seconds + 0.25),
        ("2025-03-04T09:15:07.8Z", seconds + 0.8),
        ("2025-03-04T09:15:07,123456789Z", seconds + 0.123),
        ("2025-03-04T09:15:07.9999999999Z", seconds + 0.999),
        ("2025-03-04T09:15:07.12345678901234567890123+00:00", seconds + 0.123),
        ("2025-03-04 09:15:07", seconds),
        ("2025-03-04T11:15:07+02:00", seconds),
        ("2025-03-04T11:15:07.005+02:00", seconds + 0.005),
        ("2025-03-04T04:15:07-0500", seconds),
        ("2025-03-04T09:15:07+00", seconds),
        ("2025-03-04 09:15", seconds - 7),
        ("2025-03-04", seconds - 33_307),
        ("3/4/2025 9:15 AM", seconds - 7),
        ("3/4/2025 9:15:07 am", seconds),
        ("3/4/2025 9:15:07.5 PM", seconds + 12 * 3600 + 0.5),
        ("3/4/2025 9:15 PM", seconds - 7 + 12 * 3600),
        ("3/4/2025 12:05 AM", seconds - 33_307 + 300),
        ("03/04/2025 21:15", seconds - 7 + 12 * 3600),
        ("3/4/2025", seconds - 33_307),
        ("4 Mar, 2025 09:15:07", seconds),
        ("04 March 2025 09:15", seconds - 7),
        ("Mar 4, 2025 9:15 AM", seconds - 7),
        ("1741079707000", seconds),
        ("1741079707042", seconds + 0.042),
        ("1741079707", seconds),
        ("2024-02-29", 1_709_164_800),
        ("1969-12-31T23:59:59Z", -1),
        ("1969-12-31T23:59:59.999Z", -0.001),
    ]

    @Test(arguments: forms)
    func reads(text: String, seconds: Double) {
        #expect(TimestampParser.parse(text) == TimeScale.units(seconds: seconds), "\(text)")
    }

    @Test(arguments: [
        "2025-02-29", "2026-02-30", "2026-13-01", "2026-01-01T24:00", "2026-01-01T10:60",
        "13/1/2026", "0/1/2026", "yesterday", "2026/01/01", "", "2026-01-01T10:00:00Z junk", "123456789012",
        "3/4/2025 13:00 PM",
    ])
    func refuses(text: String) {
        #expect(TimestampParser.parse(text) == nil, "\(text)")
    }

    @Test func columnsMayMixForms() throws {
        let store = try load(leads: "lead_id,created_at\nL1,2025-03-04T09:15:07Z\nL2,3/4/2025 9:15 AM\nL3,\"4 Mar, 2025 09:15:07\"\n")
        #expect(store.leads.timestamps("created_at") == [Self.expected, Self.expected - 7 * TimeScale.perSecond, Self.expected])
    }

    @Test func aColumnAcrossMonthsAndLeapDays() throws {
        // Each value read in the month of the one before, or in a new one.
        let days = ["2024-01-31", "2024-02-01", "2024-02-29", "2024-02-10", "2023-12-31", "2024-03-01", "2025-02-28", "2000-02-29"]
        let text = "lead_id,created_at\n" + days.enumerated().map { "L\($0),\($1)T12:00:00Z" }.joined(separator: "\n") + "\n"
        let store = try load(leads: text)
        #expect(store.leads.timestamps("created_at") == days.map { epoch($0 + "T12:00:00Z") })
        for day in days {
            #expect(CivilDate.iso8601(epoch(day + "T12:00:00Z")) == day + "T12:00:00Z")
        }
        let noLeapDay = "lead_id,created_at\nL1,2025-02-28T12:00:00Z\nL2,2025-02-29T12:00:00Z\n"
        #expect(loadError(leads: noLeapDay)?.hasPrefix("leads.csv:3:2: error: created_at \"2025-02-29T12:00:00Z\" is not a valid date") == true)
        let nor1900 = "lead_id,created_at\nL1,1900-02-01T00:00:00Z\nL2,1900-02-29T00:00:00Z\n"
        #expect(loadError(leads: nor1900)?.hasPrefix("leads.csv:3:2: error:") == true)
    }

    @Test func civilDatesRoundTrip() {
        for days in stride(from: -800_000, through: 2_900_000, by: 977) {
            let (y, m, d) = CivilDate.date(daysSinceEpoch: days)
            #expect(CivilDate.daysSinceEpoch(year: y, month: m, day: d) == days)
        }
        #expect(CivilDate.iso8601(Self.expected) == "2025-03-04T09:15:07Z")
        #expect(CivilDate.iso8601(-TimeScale.perSecond) == "1969-12-31T23:59:59Z")
    }
}
