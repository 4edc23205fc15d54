import Foundation
import LeadStore
import Testing

/// Touches name their leads by ids of every length up to eight bytes and
/// beyond, in no order: each finds its own lead, and ids no lead has
/// (one byte more or less, a prefix, a longer id) find none.
@Suite struct ShortLeadIDTests {
    @Test func idsOfEveryShortLengthFindTheirLeads() throws {
        let ids = ["7", "7a", "7ab", "7abc", "7abcd", "7abcde", "7abcdef", "7abcdefg", "8", "70", "L0000001", "L00000012"]
        var leads = "lead_id,created_at\n"
        for id in ids { leads += "\(id),2026-01-01T00:00:00Z\n" }
        let unknown = ["7abcdefgh", "7ab ", "L000000", "abcdefg", "7b", "71"]
        var touches = "lead_id,at,channel,direction\n"
        var expected = [String: Int]()
        // Many touches, the leads' ids shuffled among them, so that lookups are made in batches.
        var generator = SystemRandomNumberGenerator()
        var named: [String] = []
        for round in 0..<40 { for (index, id) in ids.enumerated() where (round + index) % 3 != 0 { named.append(id) } }
        for _ in 0..<5 { named += unknown }
        named.shuffle(using: &generator)
        for (row, id) in named.enumerated() {
            touches += "\(id),2026-01-02T00:00:\(String(format: "%02d", row % 60))Z,call,outbound\n"
            expected[id, default: 0] += 1
        }
        let store = try load(leads: leads, touches: touches)
        #expect(store.followUps.counts.unknownLead == unknown.count * 5)
        #expect(store.followUps.counts.unknownLeadIDs == unknown.count)
        let followups = try #require(store.leads["followups"])
        for (row, id) in ids.enumerated() {
            #expect(followups.data.renderedValue(row) == String(expected[id] ?? 0), "\(id)")
        }
    }

    /// Ids of nine to sixteen bytes, which the table holds as their first
    /// and last eight bytes: an id one byte off anywhere, or one byte
    /// shorter, finds no lead; with a longer id among the leads the
    /// dictionary is asked instead, with the same answers.
    @Test(arguments: [false, true])
    func idsOfNineToSixteenBytesFindTheirLeads(withALongerID: Bool) throws {
        let base = Array("ABCDEFGHIJKLMNOP")
        var ids = (9...16).map { String(base.prefix($0)) }
        if withALongerID { ids.append("ABCDEFGHIJKLMNOPQ") }
        var leads = "lead_id,created_at\n"
        for id in ids { leads += "\(id),2026-01-01T00:00:00Z\n" }
        var unknown: [String] = (9...16).flatMap { length in
            (0..<length).map { position in
                var changed = Array(base.prefix(length))
                changed[position] = "z"
                return String(changed)
            }
        }
        unknown += ["ABCDEFGH", "ABCDEFGHIJKLMNOPQR", "BCDEFGHIJ"]
        var named: [String] = []
        for round in 0..<30 { for (index, id) in ids.enumerated() where (round + index) % 4 != 0 { named.append(id) } }
        named += unknown
        var generator = SystemRandomNumberGenerator()
        named.shuffle(using: &generator)
        var touches = "lead_id,at,channel,direction\n"
        var expected = [String: Int]()
        for (row, id) in named.enumerated() {
            touches += "\(id),2026-01-02T00:00:\(String(format: "%02d", row % 60))Z,call,outbound\n"
            expected[id, default: 0] += 1
        }
        let store = try load(leads: leads, touches: touches)
        #expect(store.followUps.counts.unknownLead == unknown.count)
        #expect(store.followUps.counts.unknownLeadIDs == unknown.count)
        let followups = try #require(store.leads["followups"])
        for (row, id) in ids.enumerated() {
            #expect(followups.data.renderedValue(row) == String(expected[id] ?? 0), "\(id)")
        }
    }

    /// Enough leads for the table to be built on every core (each its own
    /// stretch of slots, then the values whose probes ran past one): every
    /// lead finds its touches, with ids of eight bytes and of twelve.
    @Test(arguments: [8, 12])
    func aTableBuiltOnEveryCoreFindsEveryLead(length: Int) throws {
        let leadCount = 70_000
        func id(_ lead: Int) -> String {
            let digits = String(lead)
            return "L" + String(repeating: "0", count: length - 1 - digits.count) + digits
        }
        var leads = "lead_id,created_at\n"
        for lead in 0..<leadCount { leads += "\(id(lead)),2026-01-01T00:00:00Z\n" }
        var touches = "lead_id,at,channel,direction\n"
        var random = SplitMix(seed: 5)
        var expected = [Int](repeating: 0, count: leadCount)
        for row in 0..<140_000 {
            let lead = Int(random.next() % UInt64(leadCount + 100))
            touches += (lead < leadCount ? id(lead) : "M" + id(lead).dropFirst()) + ",2026-01-02T00:00:\(String(format: "%02d", row % 60))Z,call,outbound\n"
            if lead < leadCount { expected[lead] += 1 }
        }
        let store = try load(leads: leads, touches: touches)
        let followups = try #require(store.leads["followups"])
        #expect((0..<leadCount).allSatisfy { followups.data.renderedValue($0) == String(expected[$0]) })
        #expect(store.followUps.counts.unknownLead == 140_000 - expected.reduce(0, +))
    }
}
