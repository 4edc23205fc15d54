import Foundation
import LeadGen
import LeadStore
import Testing

/// Large files are read in parallel parts; the result must be the same as
/// reading the same rows in small files, even when a cut falls inside a
/// quoted field.
@Suite struct ParallelReadTests {
    @Test func partsGiveTheSameRowsAsSmallFiles() throws {
        let data = LeadGenerator(leadCount: 25_000, seed: 5).generate()
        #expect(data.touches.count > 12 << 20, "the touches file must be large enough to be read in parts")
        let leads = DataSource(file: FileBytes(name: "leads.csv", bytes: data.leads))
        let whole = try LeadStore(leads: leads, touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: data.touches))])

        var pieces: [DataSource] = []
        let header = Array(data.touches.prefix { $0 != 0x0A }) + [0x0A]
        var start = header.count
        while start < data.touches.count {
            var end = min(data.touches.count, start + (2 << 20))
            while end < data.touches.count && data.touches[end - 1] != 0x0A { end += 1 }
            pieces.append(DataSource(file: FileBytes(name: "piece.csv", bytes: header + data.touches[start..<end])))
            start = end
        }
        let split = try LeadStore(leads: leads, touches: pieces)

        #expect(whole.touches.rowCount == split.touches.rowCount)
        for name in FollowUpIndex.derivedFieldNames {
            #expect(values(whole.leads, name) == values(split.leads, name), "\(name)")
        }
        for name in ["lead_id", "at", "channel", "rep", "direction", "outcome"] {
            #expect(values(whole.touches, name) == values(split.touches, name), "\(name)")
        }
        #expect(whole.followUps.counts == split.followUps.counts)
    }

    @Test func aMappedFileReadsTheSameAsBytesInMemory() throws {
        let data = LeadGenerator(leadCount: 40_000, seed: 8).generate()
        #expect(data.touches.count > 24 << 20, "the file must be large enough for pages to be released while reading")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-mapped-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("touches.csv").path
        try Data(data.touches).write(to: URL(fileURLWithPath: path))
        let leads = DataSource(file: FileBytes(name: "leads.csv", bytes: data.leads))
        let fromMemory = try LeadStore(leads: leads, touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: data.touches))])
        let fromFile = try LeadStore(leads: leads, touches: [DataSource(path: path)])
        for name in ["lead_id", "at", "channel", "rep", "direction", "outcome"] {
            #expect(values(fromMemory.touches, name) == values(fromFile.touches, name), "\(name)")
        }
        #expect(fromMemory.followUps.counts == fromFile.followUps.counts)
    }

    /// Every part reports to the progress of the file, and when the progress
    /// says stop, the load stops with "interrupted".
    @Test func progressCoversEveryPartAndStopsThemAll() throws {
        // Grouped: parts of more than 65,536 rows each.
        let data = LeadGenerator(leadCount: 40_000, seed: 8, layout: .grouped).generate()
        #expect(data.touches.count > 24 << 20, "the touches file must be large enough to be read in several parts")
        let leads = DataSource(file: FileBytes(name: "leads.csv", bytes: data.leads))
        let touches = DataSource(file: FileBytes(name: "touches.csv", bytes: data.touches))
        let reports = Reports()
        _ = try LeadStore(leads: leads, touches: [touches], progress: { reports.add($0) })
        let fractions = reports.all
        #expect(fractions.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(zip(fractions, fractions.dropFirst()).allSatisfy { $0 <= $1 }, "the progress went back: \(fractions)")
        // Each part reports after 65,536 rows, near its end: a part alone
        // is well under half of the file, and all of them well over.
        #expect((fractions.min() ?? 1) < 0.5 && (fractions.max() ?? 0) > 0.5, "not a fraction of the whole file: \(fractions)")

        let error = #expect(throws: LoadError.self) { try LeadStore(leads: leads, touches: [touches], progress: { _ in false }) }
        #expect(error?.file == "touches.csv")
        #expect(error?.message == "interrupted")
    }

    @Test func cutInsideAQuotedFieldFallsBackToOnePass() throws {
        let row = "L1,2026-01-02T10:00:00Z,plain note\n"
        let filler = String(repeating: row, count: 5 << 20 / row.utf8.count)
        let longNote = "\"" + String(repeating: "line, with \"\"quotes\"\"\n", count: 200_000) + "\""
        let text = "lead_id,at,note\n" + filler + "L1,2026-01-03T10:00:00Z," + longNote + "\n" + filler
        #expect(text.utf8.count > 12 << 20)
        let store = try load(leads: minimalLeads, touches: text)
        let fillerRows = 5 << 20 / row.utf8.count
        #expect(store.touches.rowCount == 2 * fillerRows + 1)
        let notes = values(store.touches, "note")
        let long = notes.first { $0 != "plain note" }
        #expect(long??.hasPrefix("line, with \"quotes\"\nline") == true)
        #expect(long??.count == 200_000 * "line, with \"quotes\"\n".count)
    }

    @Test func errorInALaterPartNamesTheRightLine() {
        let row = "L1,2026-01-02T10:00:00Z\n"
        let count = 12 << 20 / row.utf8.count
        let text = "lead_id,at\n" + String(repeating: row, count: count) + "L1,2026-13-01\n"
        #expect(loadError(leads: minimalLeads, touches: text)
            == "touches.csv:\(count + 2):2: error: at \"2026-13-01\" is not a valid date: there is no month 13")
    }

    @Test func linesEndingInLoneCarriageReturnsInALaterPart() throws {
        // Parts are sized by the line feeds of a few stretches; a part with more records than that is read again in one pass.
        let lf = "L1,2026-01-02T10:00:00Z,lf\n", cr = "L1,2026-01-02T11:00:00Z,cr\r"
        let count = 5 << 20 / lf.utf8.count
        let text = "lead_id,at,kind\n" + String(repeating: lf, count: count) + String(repeating: cr, count: count) + lf
        #expect(text.utf8.count > 8 << 20)
        let store = try load(leads: minimalLeads, touches: text)
        #expect(store.touches.rowCount == 2 * count + 1)
        #expect(values(store.touches, "kind").filter { $0 == "cr" }.count == count)
    }

    @Test func aWideFileReadInParts() throws {
        let extra = 80
        let header = "lead_id,at," + (0..<extra).map { "c\($0)" }.joined(separator: ",") + "\n"
        var rows: [String] = []
        var size = header.utf8.count
        while size < 12 << 20 {
            let index = rows.count
            let row = "L1,2026-01-02T10:00:00Z," + (0..<extra).map { "v\((index + $0) % 7)" }.joined(separator: ",") + "\n"
            rows.append(row)
            size += row.utf8.count
        }
        let store = try load(leads: minimalLeads, touches: header + rows.joined())
        #expect(store.touches.rowCount == rows.count)
        for column in [0, 41, extra - 1] {
            let expected = rows.indices.map { "v\(($0 + column) % 7)" as String? }
            #expect(values(store.touches, "c\(column)") == expected)
        }
    }

    @Test func aLargeLeadsFileWithOneIDTwice() {
        // Ids are indexed on all cores at once; a repeat, in another part or further on in the same one, is still found.
        let count = 400_000
        let rows = (0..<count).map { "L\($0),2026-01-01T00:00:00Z\n" }
        #expect(rows.joined().utf8.count > 8 << 20)
        for (first, second) in [(10, count - 5), (count - 20, count - 3), (7, 9)] {
            var copy = rows
            copy[second] = "L\(first),2026-01-02T00:00:00Z\n"
            #expect(loadError(leads: "lead_id,created_at\n" + copy.joined())
                == "leads.csv:\(second + 2):1: error: duplicate lead_id \"L\(first)\" (first on line \(first + 2)); every lead needs its own id")
        }
        let store = try? load(leads: "lead_id,created_at\n" + rows.joined())
        #expect(store?.leads.rowCount == count)
        let ids = store?.leads.text("lead_id")?.dictionary
        let misplaced = (0..<count).filter { ids?.code(of: "L\($0)") != UInt32($0) }
        #expect(misplaced.isEmpty)
        #expect(ids?.code(of: "L\(count)") == nil)
    }

    @Test func idsWhoseProbesRunPastTheEndOfTheTable() throws {
        // With the hash leadq uses, these six ids start their probes in the last
        // three slots of the table that 200,006 ids get, so some probes run past
        // the end: those ids are placed after the cores have filled the table.
        let crafted = ["X68391", "X358356", "X451889", "X538810", "X657220", "X905545"]
        let ids = (0..<200_000).map { "L\($0)" } + crafted
        let text = "lead_id,created_at\n" + ids.map { "\($0),2026-01-01T00:00:00Z\n" }.joined()
        #expect(text.utf8.count > 4 << 20, "the file must be read in parts")
        let store = try load(leads: text)
        let dictionary = store.leads.text("lead_id")?.dictionary
        let misplaced = ids.indices.filter { dictionary?.code(of: ids[$0]) != UInt32($0) }
        #expect(misplaced.isEmpty)
    }
}

/// Progress fractions, reported from any thread.
private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var fractions: [Double] = []

    func add(_ fraction: Double) -> Bool {
        lock.lock()
        fractions.append(fraction)
        lock.unlock()
        return true
    }

    var all: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return fractions
    }
}
