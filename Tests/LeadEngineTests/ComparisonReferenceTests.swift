import Foundation
import LeadEngine
import LeadGen
import LeadStore
import Testing

/// `vs previous` and `vs last year` against the reference model: each
/// month's earlier value is the KPI over the leads of the month before (or
/// the same month a year earlier), and a whole period's over the period
/// before it.
@Suite struct ComparisonReferenceTests {
    static let kpis = ["leads", "rate", "speed", "conversion", "touches_per_lead", "within(1h)"]

    @Test(arguments: [5, 17])
    func earlierValuesMatchTheReference(seed: Int) throws {
        let store = try LeadGenerator(leadCount: 3000, seed: UInt64(seed)).loadedStore()
        var session = Session(store: store, description: "reference")
        let model = ReferenceModel(store)
        let byMonth = Dictionary(grouping: model.leads) { ReferenceModel.month($0.created) }
        for kpi in Self.kpis {
            for (clause, back) in [("previous", Int64(1)), ("last year", 12)] {
                let query = "\(kpi) by month vs \(clause)"
                guard case .success(.table(let table, _)) = session.run(query) else {
                    Issue.record("\(query) failed")
                    continue
                }
                #expect(table.columns.map(\.name) == ["month", kpi, kpi + "_previous", kpi + "_change"])
                for row in 0..<table.rowCount {
                    guard case .int(let month) = table.columns[0].cell(row) else { continue }
                    let earlier = byMonth[month - back].flatMap { ReferenceModel.leadKPI(kpi, $0) }
                    let got = table.columns[2].number(row)
                    #expect(close(got, earlier), "seed \(seed): \(query) month \(month): \(String(describing: got)) vs \(String(describing: earlier))")
                    let now = table.columns[1].number(row)
                    let change = now.flatMap { n in got.map { n - $0 } }
                    #expect(close(table.columns[3].number(row), change), "seed \(seed): \(query) month \(month): change")
                }
            }
            // A whole quarter against the quarter before.
            let query = "\(kpi) during 2025-Q3 vs previous"
            guard case .success(.table(let table, _)) = session.run(query) else {
                Issue.record("\(query) failed")
                continue
            }
            let q2 = model.leads.filter { ReferenceModel.quarter($0.created) == 2025 * 4 + 1 }
            #expect(close(table.columns[1].number(0), ReferenceModel.leadKPI(kpi, q2)), "seed \(seed): \(query)")
        }
    }

    private func close(_ actual: Double?, _ expected: Double?) -> Bool {
        switch (actual, expected) {
        case (nil, nil): true
        case (let a?, let e?): abs(a - e) <= 1e-9 * max(1, abs(e))
        case (let a?, nil): a == 0
        default: false
        }
    }
}
