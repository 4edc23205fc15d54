import Foundation
import LeadEngine
import LeadShell
import LeadStore
import Testing

/// Tab completion offers the cohort, comparison and action-list words where
/// they fit: bucket's number fields, what running and of_total take, vs
/// previous and vs last year after a group, due and overdue after where,
/// the KPIs after set target, and let names as group keys.
@Suite struct CohortCompletionTests {
    static func session() throws -> Session {
        let folder = LeadQProcess.root.appendingPathComponent("examples/data")
        let store = try LeadStore(leads: DataSource(path: folder.appendingPathComponent("leads.csv").path),
                                  touches: [DataSource(path: folder.appendingPathComponent("touches.csv").path)])
        return Session(store: store, description: "examples")
    }

    static func candidates(_ line: String, in session: Session? = nil) throws -> [String] {
        Completer(session: try session ?? Self.session()).complete(line).candidates
    }

    @Test func bucketOffersItselfAfterByAndThenTheFieldsItCuts() throws {
        #expect(try Self.candidates("conversion by buck") == ["bucket"])
        let fields = try Self.candidates("conversion by bucket(")
        #expect(fields.contains("response") && fields.contains("followups") && fields.contains("deal_size"), "\(fields)")
        #expect(!fields.contains("segment") && !fields.contains("created_at") && !fields.contains("by"), "\(fields)")
        #expect(try Self.candidates("leads by bucket(res").contains("response"))
        #expect(try Self.candidates("leads by bucket(fo") == ["followups", "followups_to_convert"])
    }

    @Test func runningAndOfTotalOfferWhatTheyTake() throws {
        let running = try Self.candidates("running(")
        for word in ["of_total", "count", "sum", "share", "rate", "conversion", "touches_per_lead", "leads"] {
            #expect(running.contains(word), "\(word) missing from \(running)")
        }
        for word in ["speed", "median", "avg", "touches_to_convert", "segment"] { #expect(!running.contains(word), "\(word) in \(running)") }
        #expect(try Self.candidates("of_total(count), running(of_t") == ["of_total"])
        let total = try Self.candidates("running(of_total(")
        #expect(total.contains("count") && total.contains("sum") && total.contains("leads"), "\(total)")
        #expect(!total.contains("rate") && !total.contains("median"), "\(total)")
        #expect(try Self.candidates("leads, of_t") == ["of_total"])
    }

    @Test func comparisonsAndTopFollowAGroup() throws {
        #expect(try Self.candidates("rate by month v") == ["vs"])
        #expect(try Self.candidates("rate by month vs ") == ["last", "previous"])
        #expect(try Self.candidates("rate by month vs p") == ["previous"])
        #expect(try Self.candidates("rate by month vs last ") == ["year"])
        #expect(try Self.candidates("rate by owner to").contains("top"))
        #expect(try Self.candidates("rate by owner top ").isEmpty)
        // A period's `last` still takes units.
        #expect(try Self.candidates("rate during last 3 mo") == ["month"])
        #expect(try Self.candidates("rate during last ").contains("quarter"))
    }

    @Test func dueAndOverdueFollowWhere() throws {
        let filters = try Self.candidates("list leads lead_id where ")
        #expect(filters.contains("due") && filters.contains("overdue") && filters.contains("next_due_at"), "\(filters)")
        #expect(try Self.candidates("leads where ov") == ["overdue"])
        #expect(try Self.candidates("list leads lead_id, owner, next_due_at where due order by next_d") == ["next_due_at"])
        #expect(try Self.candidates("leads, share(over") == ["overdue"])
    }

    @Test func targetsAndCadenceComplete() throws {
        #expect(try Self.candidates(".tar") == [".targets"])
        #expect(try Self.candidates("set ca") == ["cadence"])
        #expect(try Self.candidates("set ta") == ["target"])
        let kpis = try Self.candidates("set target ")
        for word in ["conversion", "qualified", "touches_per_lead", "speed", "within", "rate"] { #expect(kpis.contains(word), "\(word) missing from \(kpis)") }
        #expect(!kpis.contains("segment") && !kpis.contains("where"), "\(kpis)")
        #expect(try Self.candidates("set target conv") == ["conversion"])
        #expect(try Self.candidates("set cadence ").isEmpty)
    }

    @Test func letNamesAreGroupKeys() throws {
        var session = try Self.session()
        guard case .success = session.run("let fast = response <= 1h") else { Issue.record("let failed"); return }
        #expect(try Self.candidates("conversion, leads by fa", in: session) == ["fast"])
        #expect(try Self.candidates("rate by fast, seg", in: session) == ["segment"])
    }
}
