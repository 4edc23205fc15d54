import LeadStore
import Testing

/// The RFC 4180 reader: every shape of valid CSV, and every kind of broken one
/// with the exact message and position.
@Suite struct CSVReadingTests {
    @Test func quotedFieldsHoldCommasQuotesAndNewlines() throws {
        let store = try load(leads: #"""
            lead_id,created_at,note
            L1,2026-01-01T00:00:00Z,"Smith, Jordan"
            L2,2026-01-01T00:00:00Z,"said ""hi"""
            L3,2026-01-01T00:00:00Z,"two
            lines"
            L4,2026-01-01T00:00:00Z,plain
            """#)
        #expect(values(store.leads, "note") == ["Smith, Jordan", "said \"hi\"", "two\nlines", "plain"])
    }

    @Test func byteOrderMarkAndCRLFAndNoFinalNewline() throws {
        let text = "\u{FEFF}lead_id,created_at\r\nL1,2026-01-01T00:00:00Z\r\nL2,2026-01-02T00:00:00Z"
        let store = try load(leads: text)
        #expect(store.leads.rowCount == 2)
        #expect(values(store.leads, "lead_id") == ["L1", "L2"])
        #expect(store.leads.columnNames.first == "lead_id")
    }

    @Test func mixedLineEndingsAndBlankLines() throws {
        let text = "lead_id,created_at\nL1,2026-01-01T00:00:00Z\r\n\nL2,2026-01-02T00:00:00Z\rL3,2026-01-03T00:00:00Z\n\n"
        let store = try load(leads: text)
        #expect(values(store.leads, "lead_id") == ["L1", "L2", "L3"])
    }

    @Test func emptyFieldIsNullButQuotedEmptyIsEmptyText() throws {
        let store = try load(leads: "lead_id,created_at,note\nL1,2026-01-01T00:00:00Z,\nL2,2026-01-01T00:00:00Z,\"\"\n")
        #expect(values(store.leads, "note") == [nil, ""])
    }

    @Test func headerOnlyIsAnEmptyTable() throws {
        let store = try load(leads: "lead_id,created_at\n", touches: "lead_id,at\n")
        #expect(store.leads.rowCount == 0)
        #expect(store.touches.rowCount == 0)
    }

    @Test func nonASCIIValuesSurvive() throws {
        let store = try load(leads: "lead_id,created_at,owner\nL1,2026-01-01T00:00:00Z,Zoë Ångström\nL2,2026-01-01T00:00:00Z,王小明\n")
        #expect(values(store.leads, "owner") == ["Zoë Ångström", "王小明"])
    }

    @Test func rowWithTooManyFields() {
        #expect(loadError(leads: "lead_id,created_at\nL1,2026-01-01T00:00:00Z\nL2,2026-01-01T00:00:00Z,extra\n")
            == "leads.csv:3:3: error: this row has 3 fields but the header has 2")
    }

    @Test func rowWithTooFewFields() {
        #expect(loadError(leads: "lead_id,created_at,segment\nL1,2026-01-01T00:00:00Z\n")
            == "leads.csv:2:3: error: this row has 2 fields but the header has 3")
    }

    @Test func lineNumbersCountLinesInsideQuotes() {
        let text = "lead_id,created_at,note\nL1,2026-01-01T00:00:00Z,\"a\nb\nc\"\nL2,yesterday,x\n"
        #expect(loadError(leads: text)?.hasPrefix("leads.csv:5:2: error: created_at \"yesterday\" is not a date and time") == true)
    }

    @Test func unterminatedQuote() {
        #expect(loadError(leads: "lead_id,created_at,note\nL1,2026-01-01T00:00:00Z,\"open\nL2,2026-01-01T00:00:00Z,x\n")
            == "leads.csv:2:3: error: a quoted field opened here is never closed")
    }

    @Test func textAfterClosingQuote() {
        #expect(loadError(leads: "lead_id,created_at,note\nL1,2026-01-01T00:00:00Z,\"a\"b\n")
            == "leads.csv:2:3: error: unexpected text after the closing quote of a field (a quote inside a quoted field must be doubled: \"\")")
    }

    @Test func unparseableRequiredTimestamp() {
        #expect(loadError(leads: "lead_id,created_at\nL1,2026-02-30\n")
            == "leads.csv:2:2: error: created_at \"2026-02-30\" is not a valid date: February 2026 has no day 30")
        #expect(loadError(leads: "lead_id,created_at\nL1,2026-01-01 24:00\n")
            == "leads.csv:2:2: error: created_at \"2026-01-01 24:00\" is not a valid date: hour 24 is out of range (0–23)")
    }

    @Test func unparseableOptionalTimestampIsAnErrorToo() {
        #expect(loadError(leads: "lead_id,created_at,converted_at\nL1,2026-01-01,soon\n")?
            .hasPrefix("leads.csv:2:3: error: converted_at \"soon\" is not a date and time leadq can read") == true)
    }

    @Test func emptyRequiredValues() {
        #expect(loadError(leads: "lead_id,created_at\n,2026-01-01\n")
            == "leads.csv:2:1: error: lead_id is empty; every row needs one")
        #expect(loadError(leads: "lead_id,created_at\nL1,\n")
            == "leads.csv:2:2: error: created_at is empty; every row needs one")
        #expect(loadError(leads: minimalLeads, touches: "lead_id,at\nL1,\n")
            == "touches.csv:2:2: error: at is empty; every row needs one")
    }

    @Test func duplicateLeadIDNamesBothLines() {
        let text = "lead_id,created_at\nL1,2026-01-01\nL2,2026-01-01\nL1,2026-01-02\n"
        #expect(loadError(leads: text)
            == "leads.csv:4:1: error: duplicate lead_id \"L1\" (first on line 2); every lead needs its own id")
    }

    @Test func missingRequiredColumn() {
        #expect(loadError(leads: "lead_id,segment\nL1,SMB\n")
            == "leads.csv:1: error: no created_at column: the header has \"lead_id\", \"segment\"; name the column with --map created_at=HEADER")
        #expect(loadError(leads: minimalLeads, touches: "lead_id,channel\nL1,call\n")
            == "touches.csv:1: error: no at column: the header has \"lead_id\", \"channel\"; name the column with --map at=HEADER")
    }

    @Test func emptyFile() {
        #expect(loadError(leads: "") == "leads.csv:1: error: the file is empty: it needs a header row naming its columns")
    }

    @Test func missingFile() {
        do {
            _ = try LeadStore(leads: DataSource(path: "/nonexistent/leads.csv"), touches: [])
            Issue.record("loading a missing file succeeded")
        } catch {
            #expect(error.description == "/nonexistent/leads.csv: error: no such file")
        }
    }

    @Test func touchesWithoutLeadIDAreCountedNotRefused() throws {
        let store = try load(leads: minimalLeads, touches: "lead_id,at\n,2026-01-02\nL1,2026-01-02\nL9,2026-01-03\n")
        #expect(store.touches.rowCount == 3)
        #expect(store.followUps.counts.withoutLeadID == 1)
        #expect(store.followUps.counts.unknownLead == 1)
        #expect(store.followUps.counts.followUps == 1)
    }

    @Test func summaryReportsRowsColumnsAndCounts() throws {
        let store = try load(leads: minimalLeads, touches: "lead_id,at,channel\nL1,2025-12-31,call\nL1,2026-01-02,email\nL7,2026-01-02,sms\n")
        let lines = store.summaryLines
        #expect(lines[0].hasPrefix("Loaded 1 lead and 3 touches from 2 files"))
        #expect(lines[1].hasPrefix("  time:    leads.csv "))
        #expect(store.stableSummaryLines[1] == "  leads:   lead_id text, created_at timestamp")
        #expect(lines[2] == "  leads:   lead_id text, created_at timestamp")
        #expect(lines[3] == "  touches: lead_id text, at timestamp, channel text")
        #expect(lines[4] == "  touches: 1 follow-up, 1 before their lead was created, 1 for 1 unknown lead id (only follow-ups count in KPIs; .check lists the rest)")
    }
}
