import LeadStore
import Testing

/// Touches come in any order: already by lead and time, grouped by lead but
/// out of time order within some leads, or scattered. Each way, the store
/// holds them by lead, then time, then file order, with every column moved
/// together.
@Suite struct TouchOrderTests {
    static let leadIDs = (1...40).map { "L\($0)" }
    static let leads = "lead_id,created_at\n" + leadIDs.map { "\($0),2026-01-01T00:00:00Z" }.joined(separator: "\n") + "\n"

    /// Touches of every third lead (so the leads in between have none), a few
    /// at the same time, in lead order and time order; then some of unknown leads.
    static let touches: [(id: String, at: String, tag: String)] = {
        var rows: [(String, String, String)] = []
        var random = SplitMix(seed: 11)
        for (index, id) in leadIDs.enumerated() where index % 3 == 0 {
            let days = (0..<(1 + Int(random.next() % 5))).map { _ in 2 + Int(random.next() % 4) }.sorted()
            for day in days { rows.append((id, "2026-01-0\(day)T10:00:00Z", "t\(rows.count)")) }
        }
        for index in [4, 1, 4] { rows.append(("X\(index)", "2026-01-0\(index)T10:00:00Z", "t\(rows.count)")) }
        return rows
    }()

    /// The order the store must hold `rows` in: by lead row, then time, then position in `rows`.
    static func expectedTags(_ rows: [(id: String, at: String, tag: String)]) -> [String] {
        let leadRow = Dictionary(uniqueKeysWithValues: leadIDs.enumerated().map { ($1, $0) })
        return rows.enumerated().sorted { a, b in
            let leadA = leadRow[a.element.id] ?? Int.max, leadB = leadRow[b.element.id] ?? Int.max
            if leadA != leadB { return leadA < leadB }
            if leadA == Int.max { return a.offset < b.offset }
            return (a.element.at, a.offset) < (b.element.at, b.offset)
        }.map(\.element.tag)
    }

    static func check(_ rows: [(id: String, at: String, tag: String)]) throws {
        let text = "lead_id,at,tag\n" + rows.map { "\($0.id),\($0.at),\($0.tag)" }.joined(separator: "\n") + "\n"
        let store = try load(leads: leads, touches: text)
        let tags = values(store.touches, "tag").map { $0 ?? "" }
        #expect(tags == expectedTags(rows))
        let byTag = Dictionary(uniqueKeysWithValues: rows.map { ($0.tag, $0) })
        let ids = values(store.touches, "lead_id"), at = values(store.touches, "at")
        for (row, tag) in tags.enumerated() {
            #expect(ids[row] == byTag[tag]?.id)
            #expect(at[row] == byTag[tag]?.at)
            let lead = store.followUps.touchLead[row]
            let expected = leadIDs.firstIndex(of: byTag[tag]!.id).map(UInt32.init) ?? FollowUpIndex.noLead
            #expect(lead == expected)
        }
    }

    @Test func inOrder() throws {
        try Self.check(Self.touches)
    }

    @Test func groupedByLeadButNotByTime() throws {
        // Leads in order, each lead's touches reversed.
        var rows: [(id: String, at: String, tag: String)] = []
        var run: [(id: String, at: String, tag: String)] = []
        for row in Self.touches {
            if let last = run.last, last.id != row.id {
                rows += run.reversed()
                run = []
            }
            run.append(row)
        }
        rows += run.reversed()
        try Self.check(rows)
    }

    @Test func scattered() throws {
        var random = SplitMix(seed: 3)
        var rows = Self.touches
        for i in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        try Self.check(rows)
    }

    /// Enough touches for every core to count and place its own stretch:
    /// each lead's touches in time order (file order among equal times),
    /// touches of unknown or missing leads last, in file order.
    @Test func scatteredOnEveryCore() throws {
        var random = SplitMix(seed: 11)
        var leads = "lead_id,created_at\n"
        for lead in 0..<3_000 { leads += "L\(lead),2026-01-01T00:00:00Z\n" }
        var touches = "lead_id,at,ref\n"
        var known: [(lead: Int, at: Int, row: Int)] = [], unknown: [Int] = []
        for row in 0..<200_000 {
            let pick = Int(random.next() % 3_100), at = Int(random.next() % 500)
            let id = pick < 3_000 ? "L\(pick)" : pick < 3_050 ? "X\(pick)" : ""
            touches += "\(id),2026-01-02T\(String(format: "%02d:%02d", at / 60, at % 60)):00Z,r\(row)\n"
            if pick < 3_000 { known.append((pick, at, row)) } else { unknown.append(row) }
        }
        let store = try load(leads: leads, touches: touches)
        let expected = known.sorted { ($0.lead, $0.at, $0.row) < ($1.lead, $1.at, $1.row) }.map { "r\($0.row)" } + unknown.map { "r\($0)" }
        #expect(values(store.touches, "ref").map { $0! } == expected)
    }

    /// Touches exported in time order, as activity exports come: each lead's
    /// touches are then in order already, in file order among equal times.
    /// Every id names a lead or is missing, so the lead ids in order are
    /// written from where each lead starts; the touches' own ids (`ref`,
    /// numbered in file order) come out as the rows' places in the file.
    /// With `late`, the last touch is earlier than all before it, so one
    /// lead's touches are out of time order after all.
    @Test(arguments: [false, true]) func inTimeOrderOnEveryCore(late: Bool) throws {
        var random = SplitMix(seed: 5)
        var leads = "lead_id,created_at\n"
        for lead in 0..<3_000 { leads += "L\(lead),2026-01-01T00:00:00Z\n" }
        var touches = "lead_id,at,ref\n"
        var rows: [(lead: Int, at: Int, row: Int)] = []
        var at = 0
        for row in 0..<200_000 {
            let pick = Int(random.next() % 3_050)
            at += Int(random.next() % 4) / 3
            if late && row == 199_999 { at = 0 }
            let id = pick < 3_000 ? "L\(pick)" : ""
            touches += "\(id),2026-01-02T\(String(format: "%02d:%02d:%02d", at / 3600, at / 60 % 60, at % 60))Z,r\(row)\n"
            rows.append((pick < 3_000 ? pick : Int.max, at, row))
        }
        let store = try load(leads: leads, touches: touches)
        let expected = rows.sorted { ($0.lead, $0.lead == Int.max ? 0 : $0.at, $0.row) < ($1.lead, $1.lead == Int.max ? 0 : $1.at, $1.row) }
        #expect(values(store.touches, "ref").map { $0! } == expected.map { "r\($0.row)" })
        #expect(values(store.touches, "lead_id") == expected.map { $0.lead == Int.max ? nil : "L\($0.lead)" })
        #expect(store.followUps.touchLead == expected.map { $0.lead == Int.max ? FollowUpIndex.noLead : UInt32($0.lead) })
    }
}

/// Text columns with many short values alike in their first or last bytes
/// keep every value exactly.
@Suite struct ShortTextTests {
    @Test func manyShortValuesRoundTrip() throws {
        var random = SplitMix(seed: 7)
        let alphabet = Array("ab x")
        let distinct = (0..<300).map { index -> String in
            let length = 1 + index % 20
            return String((0..<length).map { _ in alphabet[Int(random.next() % 4)] })
        }
        let notes = (0..<2_000).map { _ in "n" + distinct[Int(random.next() % 300)] }
        let leads = "lead_id,created_at,note\n"
            + notes.enumerated().map { "L\($0),2026-01-01T00:00:00Z,\($1)" }.joined(separator: "\n") + "\n"
        let store = try load(leads: leads)
        let read = values(store.leads, "note")
        #expect(read.count == notes.count)
        let wrong = zip(read, notes).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(wrong.isEmpty, "rows read back differently: \(wrong.prefix(5))")
    }
}

/// A small deterministic random source for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
