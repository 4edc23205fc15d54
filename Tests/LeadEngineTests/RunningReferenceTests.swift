import Foundation
import LeadEngine
import LeadGen
import LeadStore
import Testing

/// `running(m)` and `of_total(m)` against the reference model: a running
/// ratio at a row is the KPI over every group up to it, taken together; a
/// share of the total is the group's count over all leads.
@Suite struct RunningReferenceTests {
    typealias Lead = ReferenceModel.Lead

    /// A `by` term, how the reference keys a lead, and the key order the engine uses.
    static let groupings: [(clause: String, key: @Sendable (Lead) -> Double?)] = [
        ("followups", { Double($0.followups) }),
        ("followups_to_convert", { $0.toConvert.map(Double.init) }),
        ("bucket(response, 1h, 4h, 24h)", { lead in lead.response.map { r in Double([1, 4, 24].filter { Int64($0) * TimeScale.perHour <= r }.count) } }),
    ]
    static let kpis = ["leads", "rate", "never", "within(1h)", "qualified", "conversion", "touches_per_lead"]

    @Test(arguments: [11, 29])
    func runningMeasuresMatchTheReference(seed: Int) throws {
        let store = try LeadGenerator(leadCount: 2500, seed: UInt64(seed)).loadedStore()
        var session = Session(store: store, description: "reference")
        let model = ReferenceModel(store)
        for grouping in Self.groupings {
            // Groups in ascending key order, the null group last.
            let groups = Dictionary(grouping: model.leads, by: { grouping.key($0) ?? .infinity }).sorted { $0.key < $1.key }.map(\.value)
            for kpi in Self.kpis {
                let query = "\(kpi), running(\(kpi)), of_total(count), running(of_total(count)) by \(grouping.clause)"
                guard case .success(.table(let table, _)) = session.run(query) else {
                    Issue.record("\(query) failed")
                    continue
                }
                let plain = table.columns[1], running = table.columns[2], share = table.columns[3], runningShare = table.columns[4]
                var seen: [Lead] = [], row = 0
                for group in groups {
                    // Empty buckets the engine shows add nothing to the totals.
                    while row < table.rowCount, plain.number(row) == 0 || (kpi != "leads" && plain.number(row) == nil), share.number(row) == 0 {
                        row += 1
                    }
                    guard row < table.rowCount else { break }
                    seen += group
                    let expected = ReferenceModel.leadKPI(kpi, seen)
                    let context = "seed \(seed): \(query) row \(row)"
                    #expect(close(running.number(row), expected), "\(context): running \(String(describing: running.number(row))) vs \(String(describing: expected))")
                    #expect(close(share.number(row), Double(group.count) / Double(model.leads.count)), "\(context): share")
                    #expect(close(runningShare.number(row), Double(seen.count) / Double(model.leads.count)), "\(context): running share")
                    row += 1
                }
            }
        }
    }

    private func close(_ actual: Double?, _ expected: Double?) -> Bool {
        switch (actual, expected) {
        case (nil, nil): true
        case (let a?, let e?): abs(a - e) <= 1e-9 * max(1, abs(e))
        default: false
        }
    }
}
