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
        // Not numbers (the `x`), which `NumberedKeys` would hold instead.
        func id(_ lead: Int) -> String {
            let digits = String(lead)
            return "L" + String(repeating: "0", count: length - 2 - digits.count) + digits + "x"
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

/// Lead ids that are numbers after one prefix, close together, are found
/// through an array by number: every lead finds its touches, and an id
/// that writes the same number differently (a leading zero more or less, a
/// prefix in another case), one past the numbers held, or not a number,
/// finds none. Numbers of several widths with leading zeros, or too far
/// apart, are looked up by their bytes instead, with the same answers.
@Suite struct NumberedLeadIDTests {
    static func check(ids: [String], unknown: [String]) throws {
        var leads = "lead_id,created_at\n"
        for id in ids { leads += "\(id),2026-01-01T00:00:00Z\n" }
        var named: [String] = []
        var random = SplitMix(seed: 9)
        var expected = [String: Int]()
        for _ in 0..<20_000 {
            let id = ids[Int(random.next() % UInt64(ids.count))]
            named.append(id)
            expected[id, default: 0] += 1
        }
        for _ in 0..<3 { named += unknown }
        for i in stride(from: named.count - 1, to: 0, by: -1) { named.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        var touches = "lead_id,at,channel,direction\n"
        for (row, id) in named.enumerated() {
            let written = id.contains(",") || id.contains(" ") ? "\"\(id)\"" : id
            touches += "\(written),2026-01-02T00:00:\(String(format: "%02d", row % 60))Z,call,outbound\n"
        }
        let store = try load(leads: leads, touches: touches)
        #expect(store.followUps.counts.unknownLead == unknown.count * 3)
        #expect(store.followUps.counts.unknownLeadIDs == Set(unknown).count)
        let followups = try #require(store.leads["followups"])
        let wrong = ids.indices.filter { followups.data.renderedValue($0) != String(expected[ids[$0]] ?? 0) }
        #expect(wrong.isEmpty, "leads with the wrong touches: \(wrong.prefix(5).map { ids[$0] })")
    }

    @Test func numbersOfOneWidthAfterAPrefix() throws {
        let ids = (1...3_000).map { "L" + String(format: "%07d", $0 * 3) }
        try Self.check(ids: ids, unknown: [
            "L000003", "L00000003", "L0009003", "L0000004", "l0000003", "X0000003", "L000000A", "L-000003", "L 0000003",
            "L0000000", "0000003", "L", "L0000003L",
        ])
    }

    @Test func numbersWithoutLeadingZeros() throws {
        let ids = (1...3_000).shuffled().map { String($0 + 500) }
        try Self.check(ids: ids, unknown: ["0501", "00501", "500", "3501", "5O1", "+501", "501 ", "1e3", "-501", "0"])
    }

    @Test func numbersOfSeveralWidthsWithLeadingZerosAreLookedUpByTheirBytes() throws {
        let ids = (1...3_000).map { $0 % 2 == 0 ? "C\($0)" : "C0\($0)" }
        try Self.check(ids: ids, unknown: ["C1", "C02", "C002", "C003", "C3001", "C03001", "c2"])
    }

    @Test func numbersFarApartAreLookedUpByTheirBytes() throws {
        let ids = (1...3_000).map { "\($0 * 1_000 + 7)" }
        try Self.check(ids: ids, unknown: ["1008", "8", "0", "3000008"])
    }
}
