import Foundation
import LeadEngine
import LeadGen
import LeadStore
import Testing

/// `next_due_at`, `due` and `overdue` against the reference model: the
/// cadence's gap after the last follow-up (after creation for the first),
/// none once converted or past the cadence's end.
@Suite struct CadenceReferenceTests {
    static func nextDue(_ lead: ReferenceModel.Lead, cadence: [Int64]) -> Int64? {
        guard lead.converted == nil, lead.followups < cadence.count else { return nil }
        let from = lead.followUps.map(\.at).max() ?? lead.created
        return from + cadence[lead.followups]
    }

    @Test(arguments: [("0, 1d, 3d, 7d, 14d, 30d", [0, 1, 3, 7, 14, 30].map { $0 * TimeScale.perDay }),
                      ("0, 2h, 1d", [0, 2 * TimeScale.perHour, TimeScale.perDay])])
    func dueListsMatchTheReference(cadenceText: String, cadence: [Int64]) throws {
        let store = try LeadGenerator(leadCount: 3000, seed: 23).loadedStore()
        var session = Session(store: store, description: "reference")
        let model = ReferenceModel(store)
        _ = session.run("set cadence " + cadenceText)
        let latest = model.leads.map(\.created).max()!
        let now = latest - 20 * TimeScale.perDay
        _ = session.run("set now " + CivilDate.iso8601(now))
        let due = model.leads.filter { Self.nextDue($0, cadence: cadence).map { $0 <= now } ?? false }
        let overdue = model.leads.filter { Self.nextDue($0, cadence: cadence).map { $0 < now - TimeScale.perDay } ?? false }
        #expect(!due.isEmpty && due.count < model.leads.count)
        guard case .success(.table(let table, _)) = session.run("count where due"),
              case .success(.table(let late, _)) = session.run("count where overdue"),
              case .success(.table(let list, _)) = session.run("list leads lead_id, next_due_at") else {
            Issue.record("a cadence statement failed")
            return
        }
        #expect(table.columns[0].number(0) == Double(due.count))
        #expect(late.columns[0].number(0) == Double(overdue.count))
        let byID = Dictionary(uniqueKeysWithValues: model.leads.map { ($0.id, Self.nextDue($0, cadence: cadence)) })
        for row in 0..<list.rowCount {
            guard case .text(let id) = list.columns[0].cell(row) else { continue }
            let got: Int64? = if case .int(let moment) = list.columns[1].cell(row) { moment } else { nil }
            #expect(got == byID[id]!, "\(id): \(String(describing: got)) vs \(String(describing: byID[id]!))")
        }
    }
}
