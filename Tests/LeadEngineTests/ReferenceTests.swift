import Foundation
import LeadEngine
import LeadQuery
import LeadGen
import LeadStore
import Testing

/// The engine against the naive reference model, over many random
/// combinations of measure, filter and grouping on generated data. Counts
/// must match exactly, ratios and medians to 1e-9.
@Suite struct ReferenceTests {
    typealias LeadFilter = @Sendable (ReferenceModel.Lead) -> Bool
    typealias TouchFilter = @Sendable (ReferenceModel.Touch, ReferenceModel.Lead) -> Bool

    static let q3Start = Int64(CivilDate.daysSinceEpoch(year: 2025, month: 7, day: 1)) * TimeScale.perDay
    static let q4Start = Int64(CivilDate.daysSinceEpoch(year: 2025, month: 10, day: 1)) * TimeScale.perDay

    static let leadFilters: [(String?, LeadFilter)] = [
        (nil, { _ in true }),
        (#"segment = "SMB""#, { $0.segment == "SMB" }),
        (#"source in ("Referral", "Webinar")"#, { ["Referral", "Webinar"].contains($0.source ?? "") }),
        (#"owner != "Ana Souza""#, { $0.owner != nil && $0.owner != "Ana Souza" }),
        ("response <= 2h", { ($0.response ?? .max) <= 2 * TimeScale.perHour }),
        ("created_at in 2025-Q3", { $0.created >= q3Start && $0.created < q4Start }),
        (#"not segment = "Enterprise" or region = "EMEA""#, { $0.segment != "Enterprise" || $0.region == "EMEA" }),
        ("followups >= 5 and channels >= 2", { $0.followups >= 5 && $0.channels >= 2 }),
        (#"first_channel = "call""#, { $0.first?.channel == "call" }),
        ("converted_at is not null", { $0.converted != nil }),
        (#"owner like "%a%""#, { ($0.owner ?? "").lowercased().contains("a") }),
    ]

    static let touchFilters: [(String?, TouchFilter)] = [
        (#"channel = "call""#, { t, _ in t.channel == "call" }),
        (#"outcome in ("replied", "sent") and segment != "SMB""#, { t, l in ["replied", "sent"].contains(t.outcome ?? "") && l.segment != nil && l.segment != "SMB" }),
        ("at in 2025-Q3", { t, _ in t.at >= q3Start && t.at < q4Start }),
    ]

    /// A `by` clause and how the reference computes its key for a lead and for a touch.
    struct GroupChoice: Sendable {
        var clause: String?
        var lead: (@Sendable (ReferenceModel.Lead) -> [String])?
        var touch: @Sendable (ReferenceModel.Touch, ReferenceModel.Lead) -> [String]
    }

    static func text(_ value: String?) -> String { value ?? "∅" }

    static let groupChoices: [GroupChoice] = [
        GroupChoice(clause: nil, lead: { _ in [] }, touch: { _, _ in [] }),
        GroupChoice(clause: "segment", lead: { [text($0.segment)] }, touch: { [text($1.segment)] }),
        GroupChoice(clause: "month", lead: { [String(ReferenceModel.month($0.created))] }, touch: { t, _ in [String(ReferenceModel.month(t.at))] }),
        GroupChoice(clause: "owner", lead: { [text($0.owner)] }, touch: { [text($1.owner)] }),
        GroupChoice(clause: "region, segment", lead: { [text($0.region), text($0.segment)] }, touch: { [text($1.region), text($1.segment)] }),
        GroupChoice(clause: "first_channel", lead: { [text($0.first?.channel)] }, touch: { [text($1.first?.channel)] }),
        GroupChoice(clause: "quarter", lead: { [String(ReferenceModel.quarter($0.created))] }, touch: { t, _ in [String(ReferenceModel.quarter(t.at))] }),
        GroupChoice(clause: "channel", lead: nil, touch: { t, _ in [text(t.channel)] }),
        GroupChoice(clause: "at.month, channel", lead: nil, touch: { t, _ in [String(ReferenceModel.month(t.at)), text(t.channel)] }),
        GroupChoice(clause: "response <= 1h", lead: { [truth($0.response.map { $0 <= TimeScale.perHour })] },
                    touch: { [truth($1.response.map { $0 <= TimeScale.perHour })] }),
        GroupChoice(clause: "fast, segment", lead: { [truth($0.response.map { $0 <= TimeScale.perHour }), text($0.segment)] },
                    touch: { [truth($1.response.map { $0 <= TimeScale.perHour }), text($1.segment)] }),
        GroupChoice(clause: #"segment = "SMB" or followups >= 3"#,
                    lead: { [truth(either($0.segment.map { $0 == "SMB" }, $0.followups >= 3))] },
                    touch: { [truth(either($1.segment.map { $0 == "SMB" }, $1.followups >= 3))] }),
        GroupChoice(clause: #"channel = "call""#, lead: nil, touch: { t, _ in [truth(t.channel.map { $0 == "call" })] }),
        GroupChoice(clause: "bucket(followups, 1, 2, 3, 4, 7, 10)", lead: { [bucket(Double($0.followups), [1, 2, 3, 4, 7, 10])] },
                    touch: { [bucket(Double($1.followups), [1, 2, 3, 4, 7, 10])] }),
        GroupChoice(clause: "bucket(response, 1h, 4h, 24h), segment",
                    lead: { [bucket($0.response.map(Double.init), hours), text($0.segment)] },
                    touch: { [bucket($1.response.map(Double.init), hours), text($1.segment)] }),
    ]

    static let hours = [1, 4, 24].map { Double($0 * TimeScale.perHour) }

    /// The bucket a value falls in, counting the bounds at or below it; null for no value.
    static func bucket(_ value: Double?, _ bounds: [Double]) -> String {
        value.map { v in String(bounds.filter { $0 <= v }.count) } ?? "∅"
    }

    /// A condition's key as the engine gives it: 0, 1, or null when unknown.
    static func truth(_ value: Bool?) -> String { value.map { $0 ? "1" : "0" } ?? "∅" }

    /// Three-valued `or`: true if either is, unknown if either is unknown and neither true.
    static func either(_ a: Bool?, _ b: Bool?) -> Bool? {
        if a == true || b == true { return true }
        if a == nil || b == nil { return nil }
        return false
    }

    static let leadKPIs = ["leads", "followed_up", "rate", "never", "speed", "speed(p90)", "speed(avg)", "within(1h)",
                           "within(30min)", "qualified", "conversion", "touches_per_lead", "touches_to_convert", "distinct(owner)"]
    static let touchKPIs = ["touches", "reply_rate", "distinct(rep)", "distinct(outcome)"]

    /// Small data, many combinations; then data large enough that touches are
    /// aggregated in several batches on several threads and merged (and
    /// read in several parts); in both of the generator's layouts.
    @Test(arguments: [
        (11, 2500, 120, LeadGenerator.Layout.grouped), (29, 2500, 120, .export), (5, 20_000, 40, .grouped), (5, 20_000, 40, .export),
    ])
    func engineMatchesTheReference(seed: Int, leads: Int, trials: Int, layout: LeadGenerator.Layout) throws {
        let store = try LeadGenerator(leadCount: leads, seed: UInt64(seed), layout: layout).loadedStore()
        var session = Session(store: store, description: "reference")
        _ = session.run("let fast = response <= 1h")
        let model = ReferenceModel(store)
        var random = RandomSource(seed: UInt64(seed))
        for trial in 0..<trials {
            let touchGrain = random.chance(0.3)
            let kpi = touchGrain ? Self.touchKPIs[random.below(Self.touchKPIs.count)] : Self.leadKPIs[random.below(Self.leadKPIs.count)]
            let groupChoices = Self.groupChoices.filter { touchGrain || $0.lead != nil }
            let group = groupChoices[random.below(groupChoices.count)]
            var query = kpi
            var expected: [[String]: Double?] = [:]
            if touchGrain {
                let filters: [(String?, TouchFilter)] = Self.leadFilters.map { f in (f.0, { (_: ReferenceModel.Touch, l: ReferenceModel.Lead) in f.1(l) }) } + Self.touchFilters
                let filter = filters[random.below(filters.count)]
                if let clause = filter.0 { query += " where " + clause }
                var groups: [[String]: [ReferenceModel.Touch]] = [:]
                let followUpsOnly = ReferenceModel.followUpOnlyKPIs.contains(kpi)
                for touch in model.touches where filter.1(touch, model.leads[touch.lead]) && (touch.isFollowUp || !followUpsOnly) {
                    groups[group.touch(touch, model.leads[touch.lead]), default: []].append(touch)
                }
                if group.clause == nil && groups.isEmpty { groups[[]] = [] }
                for (key, rows) in groups { expected[key] = ReferenceModel.touchKPI(kpi, rows) }
            } else {
                let filter = Self.leadFilters[random.below(Self.leadFilters.count)]
                if let clause = filter.0 { query += " where " + clause }
                var groups: [[String]: [ReferenceModel.Lead]] = [:]
                for lead in model.leads where filter.1(lead) { groups[group.lead!(lead), default: []].append(lead) }
                if group.clause == nil && groups.isEmpty { groups[[]] = [] }
                for (key, rows) in groups { expected[key] = ReferenceModel.leadKPI(kpi, rows) }
            }
            if let clause = group.clause { query += " by " + clause }
            if group.clause != nil, random.chance(0.25) {
                let count = 1 + random.below(4)
                try compareTop(query + " top \(count)", count, expected, session: &session, context: "seed \(seed), trial \(trial)")
            } else {
                try compare(query, expected, session: &session, context: "seed \(seed), trial \(trial)")
            }
        }
    }

    /// Medians and other quantiles over enough values that groups are split
    /// among threads to be selected in: every grouping, each quantile.
    @Test(arguments: LeadGenerator.Layout.allCases)
    func quantilesOverManyValuesMatchTheReference(layout: LeadGenerator.Layout) throws {
        let store = try LeadGenerator(leadCount: 20_000, seed: 13, layout: layout).loadedStore()
        var session = Session(store: store, description: "reference")
        _ = session.run("let fast = response <= 1h")
        let model = ReferenceModel(store)
        #expect(model.leads.compactMap(\.response).count > 1 << 13)
        for kpi in ["speed", "speed(p90)"] {
            for group in Self.groupChoices {
                guard let key = group.lead else { continue }
                var groups: [[String]: [ReferenceModel.Lead]] = [:]
                for lead in model.leads { groups[key(lead), default: []].append(lead) }
                let query = kpi + (group.clause.map { " by " + $0 } ?? "")
                try compare(query, groups.mapValues { ReferenceModel.leadKPI(kpi, $0) }, session: &session, context: "quantiles")
            }
        }
    }

    /// Distinct counts over many values, with touches in several batches on
    /// several threads: thousands of lead ids per group, so each group's set
    /// of codes spans many words, and tens of thousands of timestamps per
    /// group, too many to sort by comparison.
    @Test(arguments: LeadGenerator.Layout.allCases)
    func distinctCountsOverManyValuesMatchTheReference(layout: LeadGenerator.Layout) throws {
        let store = try LeadGenerator(leadCount: 20_000, seed: 7, layout: layout).loadedStore()
        var session = Session(store: store, description: "reference")
        let model = ReferenceModel(store)
        typealias Touch = ReferenceModel.Touch
        let byChannel: @Sendable (Touch) -> [String] = { [Self.text($0.channel)] }
        let leadID: @Sendable (Touch) -> String = { model.leads[$0.lead].id }
        let cases: [(query: String, filter: @Sendable (Touch) -> Bool, key: @Sendable (Touch) -> [String], value: @Sendable (Touch) -> String, largest: Int)] = [
            ("distinct(lead_id) by channel", { _ in true }, byChannel, leadID, 64),
            (#"distinct(lead_id) where outcome = "replied" by at.month, channel"#, { $0.outcome == "replied" },
             { [String(ReferenceModel.month($0.at)), Self.text($0.channel)] }, leadID, 64),
            ("distinct(at) by channel", { _ in true }, byChannel, { String($0.at) }, 10_000),
            (#"distinct(at) where direction = "inbound""#, { $0.direction == "inbound" }, { _ in [] }, { String($0.at) }, 10_000),
        ]
        for test in cases {
            var valuesPerGroup: [[String]: Set<String>] = [:]
            for touch in model.touches where test.filter(touch) {
                valuesPerGroup[test.key(touch), default: []].insert(test.value(touch))
            }
            #expect(valuesPerGroup.values.contains { $0.count > test.largest }, "\(test.query): no group has over \(test.largest) values")
            try compare(test.query, valuesPerGroup.mapValues { Double($0.count) }, session: &session, context: "distinct")
        }
    }

    /// `top N` without `order by`: at most N rows, by the measure descending
    /// (nulls last), each matching the reference, and no group left out
    /// larger than the smallest kept.
    private func compareTop(_ query: String, _ count: Int, _ expected: [[String]: Double?], session: inout Session, context: String) throws {
        guard case .success(.table(let table, _)) = session.run(query) else {
            Issue.record("\(context): \(query) failed")
            return
        }
        let kept = rows(of: table)
        #expect(kept.count <= count, "\(context): \(query) gave \(kept.count) rows")
        #expect(kept.count == count || kept.count >= expected.count, "\(context): \(query) gave only \(kept.count) rows")
        let values = kept.map { $0.value ?? -.infinity }
        #expect(values == values.sorted(by: >), "\(context): \(query) is not largest first: \(values)")
        for row in kept {
            let want = expected[row.key] ?? nil
            if let want, let have = row.value {
                #expect(abs(want - have) <= 1e-9 * max(1, abs(want)), "\(context): \(query) group \(row.key): expected \(want), got \(have)")
            } else {
                #expect(row.value == nil || row.value == 0, "\(context): \(query) group \(row.key): expected \(String(describing: want)), got \(String(describing: row.value))")
            }
        }
        let smallest = values.last ?? .infinity
        let keptKeys = Set(kept.map(\.key))
        for (key, value) in expected where !keptKeys.contains(key) {
            #expect((value ?? -.infinity) <= smallest + 1e-9, "\(context): \(query) left out \(key) with \(String(describing: value))")
        }
    }

    /// Each row's key as text and its last column as a number.
    private func rows(of table: ResultTable) -> [(key: [String], value: Double?)] {
        let measure = table.columns[table.columns.count - 1]
        return (0..<table.rowCount).map { row in
            let key = table.columns.dropLast().map { column -> String in
                switch column.cell(row) {
                case .null: "∅"
                case .int(let v): String(v)
                case .double(let v): String(v)
                case .text(let v): v
                }
            }
            return (key, measure.number(row))
        }
    }

    /// Checks every group of the reference against the engine's answer; groups
    /// the engine adds (empty time buckets) must be empty.
    private func compare(_ query: String, _ expected: [[String]: Double?], session: inout Session, context: String) throws {
        guard case .success(.table(let table, _)) = session.run(query) else {
            Issue.record("\(context): \(query) failed: \(session.run(query))")
            return
        }
        let measure = table.columns[table.columns.count - 1]
        let keyColumns = table.columns.dropLast()
        var actual: [[String]: Cell] = [:]
        for row in 0..<table.rowCount {
            let key = keyColumns.map { column -> String in
                switch column.cell(row) {
                case .null: "∅"
                case .int(let v): String(v)
                case .double(let v): String(v)
                case .text(let v): v
                }
            }
            actual[key] = measure.cell(row)
        }
        for (key, value) in expected {
            let cell = actual[key] ?? .null
            let got: Double? = switch cell {
            case .int(let v): Double(v)
            case .double(let v): v
            default: nil
            }
            switch (value, got) {
            case (nil, nil): continue
            case (let want?, let have?):
                let tolerance = 1e-9 * max(1, abs(want))
                #expect(abs(want - have) <= tolerance, "\(context): \(query) group \(key): expected \(want), got \(have)")
            default:
                Issue.record("\(context): \(query) group \(key): expected \(String(describing: value)), got \(cell)")
            }
        }
        for (key, cell) in actual where expected[key] == nil {
            let empty = cell == .null || cell == .int(0) || cell == .double(0)
            #expect(empty, "\(context): \(query) has a group \(key) the reference does not, with \(cell)")
        }
    }
}
