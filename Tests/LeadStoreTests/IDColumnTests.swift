import LeadGen
import LeadStore
import Testing

/// Columns of ids (a touch's own id, as every CRM export has) are kept as
/// their values alone, and read the same as any text column; a column that
/// only starts out unique is read as text like any other.
@Suite struct IDColumnTests {
    private static func store(_ data: (leads: [UInt8], touches: [UInt8])) throws -> LeadStore {
        try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: data.leads)),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: data.touches))])
    }

    /// Read in several parts: the ids are all there, each its own value, and
    /// the dictionary holds their bytes and offsets but no hash table.
    @Test func anIDColumnKeepsOnlyItsValues() throws {
        let data = LeadGenerator(leadCount: 25_000, seed: 3).generate()
        #expect(data.touches.count > 12 << 20, "the touches file must be large enough to be read in parts")
        let store = try Self.store(data)
        let ids = try #require(store.touches.text("touch_id"))
        let rows = store.touches.rowCount
        #expect(ids.dictionary.count == rows)
        let written = Set((1...rows).map { number in
            let digits = String(number)
            return "T" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        })
        #expect(Set(ids.dictionary.values) == written)
        let bytes = ids.dictionary.values.reduce(0) { $0 + $1.utf8.count }
        // Values and offsets with some room to spare, not a table of 8-byte slots and hashes besides.
        #expect(ids.dictionary.memoryFootprint < bytes + rows * 12, "\(ids.dictionary.memoryFootprint) bytes for \(rows) ids of \(bytes) bytes")
        let row = rows / 3
        let value = try #require(ids.value(at: row))
        #expect(ids.dictionary.code(of: value) == ids.codes[row])
        #expect(ids.dictionary.code(of: "T99999999") == nil)
    }

    /// A column whose first values all differ but which repeats later, in
    /// one part and in several (some parts taking it for ids and some not),
    /// or whose one repeat comes in another part: each value has one code,
    /// on every row.
    @Test(arguments: [(2_000, false), (400_000, false), (400_000, true)])
    func aColumnThatRepeatsLaterIsStillOneCodePerValue(rows: Int, uniqueButLast: Bool) throws {
        var text = "lead_id,at,ref\n"
        var expected: [String] = []
        for row in 0..<rows {
            let ref: String
            if uniqueButLast {
                ref = row == rows - 1 ? "R0" : "R\(row)"
            } else {
                // Unique for the first 1,500 rows of every 100,000, repeating in between.
                ref = row % 100_000 < 1_500 ? "R\(row)" : "shared\(row % 7)"
            }
            expected.append(ref)
            text += "L1,2026-01-02T10:00:00Z,\(ref)\n"
        }
        let store = try load(leads: minimalLeads, touches: text)
        let refs = try #require(store.touches.text("ref"))
        #expect(values(store.touches, "ref").map { $0! } == expected)
        #expect(refs.dictionary.count == Set(expected).count)
        #expect(Set(refs.codes).count == refs.dictionary.count)
    }

    /// A value looked up in a column of ids (which keeps no hash table) is
    /// found by its bytes among all the values' bytes: only where a value
    /// starts and is as long. Values that run into each other (`ab` then
    /// `cd` hold `bc`), that begin or end others (`7`, `17`, `170`), empty
    /// text and multi-byte letters are each found at their own code, and
    /// bytes found only across two values are not a value.
    @Test func aValueIsFoundAmongTheIDsOnlyWhereAValueStarts() throws {
        var values = (0..<1_500).map { "R\($0)" }
        values += ["ab", "cd", "7", "17", "170", "Zoë", "ë", "x\"y"]
        var leads = "lead_id,created_at,ref\n"
        for (row, value) in values.enumerated() {
            let written = value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
            leads += "L\(row),2026-01-01T00:00:00Z,\(written)\n"
        }
        leads += "L\(values.count),2026-01-01T00:00:00Z,\"\"\n"
        let store = try LeadStore(leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array(leads.utf8))), touches: [])
        let refs = try #require(store.leads.text("ref"))
        #expect(refs.dictionary.memoryFootprint < refs.dictionary.count * 40, "the column of ids keeps no hash table")
        for row in 0..<store.leads.rowCount {
            let value = try #require(refs.value(at: row))
            #expect(refs.dictionary.code(of: value) == refs.codes[row], "\(value)")
        }
        for absent in ["bc", "R", "R1499R", "1", "0", "Zo", "x\"\"y", "R15000", "ë7"] {
            #expect(refs.dictionary.code(of: absent) == nil, "\(absent)")
        }
    }

    /// Touches in time order name leads in no order, and some name no known
    /// lead: every row keeps its lead, and the unknown ids are counted.
    @Test func scatteredLeadIDsWithUnknownOnesKeepTheirLeads() throws {
        let data = LeadGenerator(leadCount: 3_000, seed: 6).generate()
        var touches = String(decoding: data.touches, as: UTF8.self).split(separator: "\n").map(String.init)
        var unknown = 0
        for index in stride(from: 1, to: touches.count, by: 37) {
            var fields = touches[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[1] = "X\(index % 5)"
            touches[index] = fields.joined(separator: ",")
            unknown += 1
        }
        let store = try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: data.leads)),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: Array((touches.joined(separator: "\n") + "\n").utf8)))])
        #expect(store.followUps.counts.unknownLead == unknown)
        #expect(store.followUps.counts.unknownLeadIDs == 5)
        let original = try Self.store(data)
        let known = try #require(original.touches.text("touch_id"))
        let ids = try #require(store.touches.text("touch_id"))
        let leadOf = Dictionary(uniqueKeysWithValues: (0..<original.touches.rowCount).map {
            (known.value(at: $0)!, original.touches.text("lead_id")!.value(at: $0)!)
        })
        let leadIDs = try #require(store.touches.text("lead_id"))
        for row in 0..<store.touches.rowCount {
            let lead = leadIDs.value(at: row)!
            #expect(lead.hasPrefix("X") || lead == leadOf[ids.value(at: row)!])
        }
    }
}
