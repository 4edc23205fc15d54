import Foundation
import LeadGen
import LeadStore
import Testing

/// Input meant to break things: each gets a clear message or loads as it
/// should, and none crashes or hangs.
@Suite struct HostileInputTests {
    @Test func tenMegabyteField() throws {
        let big = String(repeating: "x", count: 10 << 20)
        let store = try load(leads: "lead_id,created_at,note\nL1,2026-01-01,\(big)\n")
        #expect(store.leads["note"]?.data.renderedValue(0)?.count == 10 << 20)
        let error = loadError(leads: "lead_id,created_at\nL1,\(big)\n")
        #expect(error?.hasPrefix("leads.csv:2:2: error: created_at \"xxxxxxxx") == true)
        #expect((error?.count ?? .max) < 400, "the message quotes the value in full")
    }

    @Test func unterminatedQuoteAtTheEnd() {
        #expect(loadError(leads: "lead_id,created_at,note\nL1,2026-01-01,\"no end")
            == "leads.csv:2:3: error: a quoted field opened here is never closed")
    }

    @Test func nulBytesAreKeptAsText() throws {
        let store = try load(leads: "lead_id,created_at,note\nL1,2026-01-01,a\u{0}b\n")
        #expect(store.leads["note"]?.data.renderedValue(0) == "a\u{0}b")
    }

    @Test func invalidUTF8IsKeptAndShownWithReplacementCharacters() throws {
        var bytes = Array("lead_id,created_at,note\nL1,2026-01-01,".utf8)
        bytes += [0xFF, 0xFE, 0x41, 0x0A]
        let store = try LeadStore(leads: DataSource(file: FileBytes(name: "leads.csv", bytes: bytes)), touches: [])
        #expect(store.leads["note"]?.data.renderedValue(0) == "\u{FFFD}\u{FFFD}A")
    }

    @Test func aHundredThousandColumns() throws {
        let count = 100_000
        let header = "lead_id,created_at," + (0..<count).map { "c\($0)" }.joined(separator: ",")
        let row = "L1,2026-01-01," + (0..<count).map { String($0) }.joined(separator: ",")
        let store = try load(leads: header + "\n" + row + "\n")
        #expect(store.leads.columns.count == count + 2 + FollowUpIndex.derivedFieldNames.count)
        #expect(store.leads["c99999"]?.kind == .number)
        let missing = loadError(leads: (0..<count).map { "c\($0)" }.joined(separator: ",") + "\n")
        #expect(missing?.hasSuffix("\"c19\" and 99980 more; name the column with --map lead_id=HEADER") == true)
    }

    @Test func duplicateHeaderNames() throws {
        let store = try load(leads: "lead_id,created_at,owner,Owner,OWNER\nL1,2026-01-01,a,b,c\n")
        #expect(values(store.leads, "owner") == ["a"])
        #expect(values(store.leads, "owner_2") == ["b"])
        #expect(values(store.leads, "owner_3") == ["c"])
    }

    @Test func impossibleDatesAndTimes() {
        #expect(loadError(leads: "lead_id,created_at\nL1,2026-02-30\n")?.contains("February 2026 has no day 30") == true)
        #expect(loadError(leads: "lead_id,created_at\nL1,2026-01-01T24:00:00Z\n")?.contains("hour 24 is out of range") == true)
    }

    @Test func hugeAndNegativeZeroNumbers() throws {
        let store = try load(leads: "lead_id,created_at,a,b\nL1,2026-01-01,1e400,-0\n")
        #expect(store.leads["a"]?.kind == .text)
        #expect(store.leads["b"]?.kind == .number)
        #expect(values(store.leads, "b") == ["0"])
    }

    @Test func touchesOfAMissingLeadAreCountedNotLost() throws {
        let store = try load(leads: minimalLeads, touches: "lead_id,at\nL404,2026-01-02\nL404,2026-01-03\n")
        #expect(store.touches.rowCount == 2)
        #expect(store.followUps.counts.unknownLead == 2)
        #expect(store.followUps.counts.unknownLeadIDs == 1)
    }

    @Test func aLoneQuoteCharacterAndEmptyLines() throws {
        #expect(loadError(leads: "\"") == "leads.csv:1:1: error: a quoted field opened here is never closed")
        #expect(loadError(leads: "\n\n\n") == "leads.csv:1: error: the file is empty: it needs a header row naming its columns")
    }
}

/// Inputs the fuzzers found crashing, kept as they were found.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")

    /// Two unknown lead ids of invalid UTF-8 that read as the same string once
    /// made one dictionary entry too few.
    @Test func unknownLeadIDsThatDifferOnlyInInvalidUTF8() throws {
        let bytes = try Array(Data(contentsOf: Self.folder.appendingPathComponent("fuzz-csv-touch-codes")))
        let loaded = try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array("lead_id,created_at\nL1,2026-01-01T00:00:00Z\n".utf8))),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: Array(bytes.dropFirst())))])
        #expect(loaded.touches.rowCount == 10)
        #expect(loaded.followUps.counts.unknownLeadIDs == 4)
    }
}

/// Data is read whole at load: a file that disappears or changes afterwards changes nothing.
@Suite struct DisappearingFileTests {
    @Test func theStoreKeepsItsDataWhenTheFilesGo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-gone-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let leads = folder.appendingPathComponent("leads.csv").path, touches = folder.appendingPathComponent("touches.csv").path
        let data = LeadGenerator(leadCount: 3_000, seed: 4).generate()
        try Data(data.leads).write(to: URL(fileURLWithPath: leads))
        try Data(data.touches).write(to: URL(fileURLWithPath: touches))
        let store = try LeadStore(leads: DataSource(path: leads), touches: [DataSource(path: touches)])
        let before = values(store.touches, "channel")
        try "lead_id,created_at\nX,2026-01-01\n".write(toFile: leads, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: folder)
        #expect(values(store.touches, "channel") == before)
        #expect(store.leads.rowCount == 3_000)
    }
}
