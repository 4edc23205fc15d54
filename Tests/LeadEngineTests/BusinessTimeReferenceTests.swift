import Foundation
import LeadEngine
import LeadGen
import LeadQuery
import LeadStore
import Testing

/// Business time against the reference's minute-by-minute walk, on
/// generated data, over random hours (several ranges a day, days closed,
/// edges inside the hours clocks skip or repeat), random holidays, zones
/// with daylight saving north and south or half-hour changes, leads with
/// zones of their own, and grace.
@Suite struct BusinessTimeReferenceTests {
    static let zones = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo"]
    /// The zones the leads' own `timezone` column names: empty, and a name that is none, mean the session's.
    static let leadZones = ["", "America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo", "Nowhere/Atlantis"]

    static func randomHours(_ random: inout RandomSource, days: [Int64]) -> ReferenceModel.BusinessHours {
        var week = [[Range<Int>]](repeating: [], count: 7)
        for day in 0..<7 where random.chance(0.75) {
            // Boundaries on the quarter hour, or anywhere in the night when clocks change.
            let step = random.chance(0.5) ? 15 : 1
            var cuts = Set<Int>()
            for _ in 0..<(random.chance(0.7) ? 2 : 4) { cuts.insert(random.below(1440 / step + 1) * step) }
            let sorted = cuts.sorted()
            for pair in stride(from: 0, to: sorted.count - 1, by: 2) { week[day].append(sorted[pair]..<sorted[pair + 1]) }
        }
        if week.allSatisfy(\.isEmpty) { week[0] = [540..<1020] }
        var holidays = Set<Int64>()
        for _ in 0..<random.below(12) { holidays.insert(days[random.below(days.count)]) }
        return ReferenceModel.BusinessHours(days: week, holidays: holidays)
    }

    /// The generated leads with a `timezone` column of `leadZones`, one a lead in turn.
    static func withLeadZones(_ leads: [UInt8]) -> [UInt8] {
        var lines = String(decoding: leads, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices where !lines[index].isEmpty {
            lines[index] += index == 0 ? ",timezone" : "," + leadZones[index % leadZones.count]
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    @Test(arguments: [(3, false), (8, true)])
    func businessTimeMatchesTheReference(seed: Int, ownZones: Bool) throws {
        let store = try LeadGenerator(leadCount: 500, seed: UInt64(seed)).loadedStore { ownZones ? Self.withLeadZones($0) : $0 }
        var session = Session(store: store, description: "business reference")
        let model = ReferenceModel(store)
        let column = store.leads.text("timezone")
        let latest = model.leads.map(\.created).max()!
        let createdDays = model.leads.map { $0.created / TimeScale.perDay }
        var random = RandomSource(seed: UInt64(seed))
        for trial in 0..<10 {
            let zoneName = Self.zones[random.below(Self.zones.count)]
            let sessionZone = TimeZone(identifier: zoneName)!
            let zones = model.leads.indices.map { row in
                column?.value(at: row).flatMap { $0.isEmpty ? nil : TimeZone(identifier: $0) } ?? sessionZone
            }
            let hours = Self.randomHours(&random, days: createdDays)
            let grace = random.chance(0.3) ? 20 * TimeScale.perDay : 0
            let now = latest - 5 * TimeScale.perDay
            for statement in ["set tz \(zoneName)", "set hours \(hours.text)", "set now \(CivilDate.iso8601(now))",
                              "set grace \(grace / TimeScale.perDay)d",
                              "set holidays " + (hours.holidays.isEmpty ? "off" : hours.holidays.sorted().map { String(CivilDate.iso8601($0 * TimeScale.perDay).prefix(10)) }.joined(separator: ", "))] {
                guard case .success = session.run(statement) else { Issue.record("\(statement): \(session.run(statement))"); return }
            }
            let context = "seed \(seed), trial \(trial), \(zoneName), \(hours.text), \(hours.holidays.count) holidays, grace \(grace > 0)"
            let responses = model.businessResponses(hours, zones: zones)

            // response_business, lead by lead.
            guard case .success(.table(let list, _)) = session.run("list leads lead_id, response_business") else {
                Issue.record("\(context): list failed")
                return
            }
            let expected = Dictionary(uniqueKeysWithValues: zip(model.leads.map(\.id), responses))
            var mismatches = 0
            for row in 0..<list.rowCount {
                guard case .text(let id) = list.columns[0].cell(row) else { continue }
                let got = list.columns[1].number(row).map { Int64($0) }
                if got != expected[id]!, mismatches < 5 {
                    mismatches += 1
                    Issue.record("\(context): \(id): expected \(String(describing: expected[id]!)), got \(String(describing: got))")
                }
            }

            // The KPIs by owner, young leads left out under grace as the calendar versions leave them.
            let counted = model.leads.indices.filter { grace == 0 || model.leads[$0].created <= now - grace }
            var byOwner: [String: [Int]] = [:]
            for index in counted { byOwner[model.leads[index].owner ?? "∅", default: []].append(index) }
            let kpis: [(String, ([Int]) -> Double?)] = [
                ("speed(business)", { ReferenceModel.quantile($0.compactMap { responses[$0].map(Double.init) }, 0.5) }),
                ("speed(business, p90)", { ReferenceModel.quantile($0.compactMap { responses[$0].map(Double.init) }, 0.9) }),
                ("speed(business, avg)", { ReferenceModel.mean($0.compactMap { responses[$0].map(Double.init) }) }),
                ("within(1h, business)", { ReferenceModel.share($0.filter { (responses[$0] ?? .max) <= TimeScale.perHour }.count, $0.count) }),
                ("within(8h, business)", { ReferenceModel.share($0.filter { (responses[$0] ?? .max) <= 8 * TimeScale.perHour }.count, $0.count) }),
            ]
            for (kpi, reference) in kpis {
                guard case .success(.table(let table, _)) = session.run("\(kpi) by owner") else {
                    Issue.record("\(context): \(kpi) by owner failed")
                    continue
                }
                for row in 0..<table.rowCount {
                    guard case .text(let owner) = table.columns[0].cell(row), let group = byOwner[owner] else { continue }
                    let want = reference(group), have = table.columns[1].number(row)
                    if let want, let have {
                        #expect(abs(want - have) <= 1e-9 * max(1, abs(want)), "\(context): \(kpi) for \(owner): expected \(want), got \(have)")
                    } else {
                        #expect(want == nil && have == nil, "\(context): \(kpi) for \(owner): expected \(String(describing: want)), got \(String(describing: have))")
                    }
                }
            }
        }
    }
}
