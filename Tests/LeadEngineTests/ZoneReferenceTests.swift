import Foundation
import LeadEngine
import LeadQuery
import LeadGen
import LeadStore
import Testing

/// The engine's local buckets and periods against Foundation's calendar in
/// the same zone, on generated data, over zones with daylight saving north
/// and south, half-hour offsets and half-hour changes.
@Suite struct ZoneReferenceTests {
    static let zones = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "America/Sao_Paulo",
                        "Pacific/Chatham", "America/St_Johns", "UTC"]
    static let units = ["hour", "day", "week", "month", "quarter", "year", "hour_of_day", "weekday"]
    static let periods = ["2025-03", "2025-10", "2025-Q4", "2025-11-02", "2025-03-30", "2025", "2026-03", "2026-03-29", "2026-11-01"]

    @Test(arguments: [3, 17])
    func localBucketsMatchFoundation(seed: Int) throws {
        let generated = LeadGenerator(leadCount: 1500, seed: UInt64(seed)).generate()
        let store = try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: generated.leads)),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: generated.touches))])
        var session = Session(store: store, description: "zones")
        let model = ReferenceModel(store)
        var random = RandomSource(seed: UInt64(seed))
        for trial in 0..<60 {
            let zone = Self.zones[random.below(Self.zones.count)]
            let calendar = ReferenceModel.calendar(zone)
            guard case .success = session.run("set tz \(zone)") else { Issue.record("set tz \(zone) failed"); return }
            let touchGrain = random.chance(0.4)
            let unit = Self.units[random.below(Self.units.count)]
            let period = random.chance(0.5) ? Self.periods[random.below(Self.periods.count)] : nil
            let periodSpan = period.map { Self.span(of: $0, in: calendar) }
            var expected: [Int64: Double] = [:]
            if touchGrain {
                for touch in model.touches where touch.isFollowUp {
                    if let span = periodSpan, !span.contains(touch.at) { continue }
                    expected[ReferenceModel.bucket(touch.at, unit, in: calendar), default: 0] += 1
                }
            } else {
                for lead in model.leads {
                    if let span = periodSpan, !span.contains(lead.created) { continue }
                    expected[ReferenceModel.bucket(lead.created, unit, in: calendar), default: 0] += 1
                }
            }
            let query = (touchGrain ? "touches" : "leads") + (period.map { " during \($0)" } ?? "") + " by " + (touchGrain ? "at.\(unit)" : unit)
            guard case .success(.table(let table, _)) = session.run(query) else {
                Issue.record("\(zone): \(query) failed")
                continue
            }
            var actual: [Int64: Double] = [:]
            for row in 0..<table.rowCount {
                guard case .int(let key) = table.columns[0].cell(row), let value = table.columns[1].number(row), value != 0 else { continue }
                actual[key] = value
            }
            #expect(actual == expected, "trial \(trial), \(zone): \(query)")
        }
    }

    /// The moments of a period literal (`2025-03`, `2025-Q4`, `2025-11-02`, `2025`) in `calendar`'s zone.
    static func span(of period: String, in calendar: Calendar) -> Range<Int64> {
        let parts = period.split(separator: "-")
        let year = Int(parts[0])!
        var start = DateComponents(year: year, month: 1, day: 1), end = DateComponents(year: year + 1, month: 1, day: 1)
        if parts.count == 2, parts[1].hasPrefix("Q") {
            let quarter = Int(parts[1].dropFirst())!
            start.month = quarter * 3 - 2
            end = DateComponents(year: quarter == 4 ? year + 1 : year, month: quarter == 4 ? 1 : quarter * 3 + 1, day: 1)
        } else if parts.count == 2 {
            let month = Int(parts[1])!
            start.month = month
            end = DateComponents(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1)
        } else if parts.count == 3 {
            start = DateComponents(year: year, month: Int(parts[1])!, day: Int(parts[2])!)
            end = start
            end.day! += 1
        }
        func moment(_ components: DateComponents) -> Int64 {
            Int64((calendar.date(from: components)!.timeIntervalSince1970 * 1000).rounded())
        }
        return moment(start)..<moment(end)
    }
}
