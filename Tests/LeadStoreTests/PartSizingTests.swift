import Foundation
import LeadStore
import Testing

/// Each part of a large file is given room for the rows reckoned from a few
/// stretches of it; a part that holds more (its stretches fell on long lines)
/// sends the file through one pass, and every row still loads.
@Suite struct PartSizingTests {
    @Test func linesOfVeryDifferentLengthsAllLoad() throws {
        let long = "L1,2026-01-02T10:00:00Z," + String(repeating: "x", count: 60_000) + "\n"
        let short = "L1,2026-01-02T11:00:00Z,s\n"
        // Half the bytes are one long line, half are thousands of short ones:
        // a stretch that falls on the long line sees almost no line feeds.
        let period = long + String(repeating: short, count: 60_000 / short.utf8.count)
        let periods = 140
        let text = "lead_id,at,note\n" + String(repeating: period, count: periods)
        #expect(text.utf8.count > 16 << 20, "the file must be large enough to be read in parts")
        let store = try load(leads: minimalLeads, touches: text)
        let rowsPerPeriod = 1 + 60_000 / short.utf8.count
        #expect(store.touches.rowCount == periods * rowsPerPeriod)
        let notes = values(store.touches, "note")
        #expect(notes.filter { $0 == "s" }.count == periods * (rowsPerPeriod - 1))
        #expect(notes.filter { $0?.count == 60_000 }.count == periods)
    }
}
