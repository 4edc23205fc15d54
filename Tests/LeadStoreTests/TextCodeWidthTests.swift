import Foundation
import LeadGen
import LeadStore
import Testing

/// Text codes take one byte per row for up to 255 distinct values, two for up
/// to 65,535, four beyond; every value and null reads back the same at each
/// width, in files read whole and in parts.
@Suite struct TextCodeWidthTests {
    @Test func fewValuesTakeOneByteARow() throws {
        let data = LeadGenerator(leadCount: 2_000, seed: 3).generate()
        let store = try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: data.leads)),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: data.touches))])
        for name in ["channel", "rep", "direction", "outcome"] {
            let codes = try #require(store.touches.text(name)).codes
            #expect(codes.width == 1, "\(name)")
            #expect(codes.memoryFootprint < store.touches.rowCount + 64, "\(name)")
        }
        for name in ["segment", "source", "owner", "region", "first_channel", "first_rep"] {
            #expect(try #require(store.leads.text(name)).codes.width == 1, "\(name)")
        }
        // 2,000 leads' ids: two bytes, in the leads and in the touches that share their dictionary.
        #expect(try #require(store.leads.text("lead_id")).codes.width == 2)
        #expect(try #require(store.touches.text("lead_id")).codes.width == 2)
    }

    /// The distinct values of `tag` (its empty text included) are `kinds + 1`:
    /// each width's last count and the first of the next.
    @Test(arguments: [(254, 1), (255, 2), (65_534, 2), (65_535, 4)])
    func valuesAndNullsReadBackAtEachWidth(kinds: Int, width: Int) throws {
        let rows = kinds + 70_000
        let pad = String(repeating: "p", count: 100)
        var text = "lead_id,created_at,tag,pad\n"
        var expected: [String?] = []
        for row in 0..<rows {
            let tag: String?
            // Every value first, then nulls, one empty text and repeats.
            if row == kinds + 1 {
                tag = ""
                text += "L\(row),2026-01-02T10:00:00Z,\"\",\(pad)\n"
            } else if row >= kinds && row % 3 == 0 {
                tag = nil
                text += "L\(row),2026-01-02T10:00:00Z,,\(pad)\n"
            } else {
                tag = "t\(row % kinds)"
                text += "L\(row),2026-01-02T10:00:00Z,\(tag!),\(pad)\n"
            }
            expected.append(tag)
        }
        #expect(text.utf8.count > 8 << 20, "the file must be large enough to be read in parts")
        let store = try load(leads: text)
        let tags = try #require(store.leads.text("tag"))
        #expect(tags.dictionary.count == kinds + 1)
        #expect(tags.codes.width == width)
        #expect(values(store.leads, "tag") == expected)
        #expect(store.leads["tag"]!.data.nullCount == expected.filter { $0 == nil }.count)
    }

    /// Parts of one file whose codes need different widths: a part whose
    /// values pass 255 after nulls, parts of few values each that add up to
    /// more than 255, and a column of more than 65,535 values whose last
    /// parts hold one value. Every value and null reads back.
    @Test func partsOfDifferentWidthsJoin() throws {
        let rows = 140_000
        let pad = String(repeating: "p", count: 40)
        var text = "lead_id,created_at,late,spread,many,pad\n"
        var expected: [String: [String?]] = ["late": [], "spread": [], "many": []]
        for row in 0..<rows {
            let late: String? = row < rows * 7 / 8 || row % 7 == 3 ? nil : "a\(row % 300)"
            let spread: String? = row % 7 == 0 ? nil : "s\(row * 400 / rows)"
            let many: String? = row % 11 == 0 ? nil : row < 2_048 ? "m\(row / 2)" : row < rows * 3 / 4 ? "m\(row)" : "z"
            text += "L\(row),2026-01-02T10:00:00Z,\(late ?? ""),\(spread ?? ""),\(many ?? ""),\(pad)\n"
            expected["late"]!.append(late)
            expected["spread"]!.append(spread)
            expected["many"]!.append(many)
        }
        #expect(text.utf8.count > 8 << 20, "the file must be large enough to be read in parts")
        let store = try load(leads: text)
        for (name, width) in [("late", 2), ("spread", 2), ("many", 4)] {
            #expect(try #require(store.leads.text(name)).codes.width == width, "\(name)")
            #expect(values(store.leads, name) == expected[name]!, "\(name)")
        }
    }
}
