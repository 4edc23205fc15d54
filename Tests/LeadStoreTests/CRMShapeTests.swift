import Foundation
import LeadStore
import Testing

/// A data file written inline in a test.
private func source(_ name: String, _ text: String, options: FileOptions = FileOptions(), shared: FileOptions = FileOptions()) -> DataSource {
    DataSource(file: FileBytes(name: name, bytes: Array(text.utf8)), options: options, shared: shared)
}

private func loadError(_ set: DataSet) -> String? {
    do {
        _ = try LeadStore(set)
        return nil
    } catch {
        return error.description
    }
}

/// `--map` always names a header; `--const` gives a field one value; options
/// written before the first file apply where the header is.
@Suite struct FileOptionTests {
    static let calls = "lead_id,at,Call Type,Call Time\nL1,2026-01-02,Outbound,30\n"

    @Test func aMistypedHeaderIsAnErrorNamingTheNearest() {
        let error = loadError(DataSet(leads: source("leads.csv", minimalLeads), touches: [
            source("calls.csv", Self.calls, options: FileOptions(mappings: [FieldMapping(target: "direction", header: "Call Typ")])),
        ]))
        #expect(error == "calls.csv:1: error: --map direction=Call Typ: the file has no column \"Call Typ\"; the nearest are "
            + "\"Call Type\", \"Call Time\", \"at\" (--const direction=VALUE gives every row one value)")
    }

    @Test func constGivesEveryRowOneValue() throws {
        let store = try LeadStore(DataSet(leads: source("leads.csv", minimalLeads), touches: [
            source("calls.csv", "lead_id,at\nL1,2026-01-02\nL1,2026-01-03\n",
                   options: FileOptions(constants: [FieldConstant(field: "channel", value: "call")])),
        ]))
        #expect(values(store.touches, "channel") == ["call", "call"])
        #expect(store.summary.decisions == ["calls.csv: every row has channel \"call\" (--const)"])
    }

    @Test func constRefusesIdsAndTimestamps() {
        let options = FileOptions(constants: [FieldConstant(field: "at", value: "2026-01-01")])
        #expect(loadError(DataSet(leads: source("leads.csv", minimalLeads), touches: [source("t.csv", "lead_id,at\nL1,2026-01-02\n", options: options)]))
            == "t.csv: error: --const at=2026-01-01: at holds timestamps; name its column with --map at=HEADER")
    }

    @Test func sharedMapAppliesToEveryFileThatHasTheHeader() throws {
        let shared = FileOptions(mappings: [FieldMapping(target: "lead_id", header: "WhoId")])
        let store = try LeadStore(DataSet(
            leads: source("leads.csv", minimalLeads, shared: shared),
            touches: [source("a.csv", "WhoId,at\nL1,2026-01-02\n", shared: shared),
                      source("b.csv", "lead_id,at\nL1,2026-01-03\n", shared: shared)]))
        #expect(store.followUps.counts.followUps == 2)
        #expect(store.touches["lead_id"]?.origin == "WhoId")
    }

    @Test func sharedMapThatNoFileTakesIsAnError() {
        let shared = FileOptions(mappings: [FieldMapping(target: "created_at", header: "Signup Tme")])
        let error = loadError(DataSet(
            leads: source("leads.csv", "lead_id,created_at,Signup Time\nL1,2026-01-01,2026-01-01\n", shared: shared),
            touches: [source("t.csv", "lead_id,at\nL1,2026-01-02\n", shared: shared)]))
        #expect(error?.hasPrefix("--map created_at=Signup Tme: error: no file has a column \"Signup Tme\"; the nearest are \"Signup Time\" (leads.csv)") == true)
    }

    @Test func sharedConstGoesToFilesWhoseTableHasTheField() throws {
        let shared = FileOptions(constants: [FieldConstant(field: "channel", value: "call")])
        let store = try LeadStore(DataSet(
            leads: source("leads.csv", minimalLeads, shared: shared),
            touches: [source("t.csv", "lead_id,at\nL1,2026-01-02\n", shared: shared)]))
        #expect(values(store.touches, "channel") == ["call"])
        #expect(store.leads["channel"] == nil)
        let unknown = FileOptions(constants: [FieldConstant(field: "campaign", value: "spring")])
        #expect(loadError(DataSet(leads: source("leads.csv", minimalLeads, shared: unknown)))?.contains("no file has the field campaign") == true)
    }
}

/// A direction word leadq does not know stops the load until it is declared.
@Suite struct DirectionWordTests {
    static let touches = "lead_id,at,direction\nL1,2026-01-02,outbound\nL1,2026-01-03,Callback\nL1,2026-01-04,Callback\nL1,2026-01-05,walk-in\n"

    @Test func unknownWordsStopTheLoadWithTheirCounts() {
        let error = loadError(DataSet(leads: source("leads.csv", minimalLeads), touches: [source("t.csv", Self.touches)]))
        #expect(error == "t.csv: error: direction values leadq does not know: \"Callback\" (2 touches), \"walk-in\" (1 touch); "
            + "declare them after the file with --inbound WORD,… or --outbound WORD,…")
    }

    @Test func declaredWordsLoad() throws {
        let options = FileOptions(inbound: ["walk-in"], outbound: ["callback"])
        let store = try LeadStore(DataSet(leads: source("leads.csv", minimalLeads), touches: [source("t.csv", Self.touches, options: options)]))
        #expect(store.followUps.counts.followUps == 3)
        #expect(store.followUps.counts.inbound == 1)
        #expect(store.directionWords == ["walk-in": false, "callback": true])
    }

    @Test func sharedWordsNeedADirectionColumnSomewhere() {
        let shared = FileOptions(inbound: ["walk-in"])
        #expect(loadError(DataSet(leads: source("leads.csv", minimalLeads, shared: shared),
                                  touches: [source("t.csv", "lead_id,at\nL1,2026-01-02\n", shared: shared)]))
            == "--inbound: error: no touch file has a direction column")
    }
}

/// Yes/no columns of leads, deals exported apart, and data sets with no touches.
@Suite struct ConversionSourceTests {
    @Test(arguments: ["CONVERTED", "Is Converted", "IsConverted", "converted"])
    func yesNoColumnsBecomeFlags(header: String) throws {
        let leads = "lead_id,created_at,\(header),Qualified\nL1,2026-01-01,Yes,true\nL2,2026-01-01,no,FALSE\nL3,2026-01-01,,1\n"
        let store = try LeadStore(DataSet(leads: source("leads.csv", leads)))
        #expect(values(store.leads, "is_converted") == ["1", "0", nil])
        #expect(values(store.leads, "is_qualified") == ["1", "0", "1"])
        #expect(store.leads["converted_at"] == nil)
    }

    @Test func aConvertedColumnOfDatesIsTheConversionDate() throws {
        let store = try LeadStore(DataSet(leads: source("leads.csv", "lead_id,created_at,Converted\nL1,2026-01-01,2026-02-01\n")))
        #expect(store.leads.timestamps("converted_at") == [epoch("2026-02-01")])
    }

    static let leads = "lead_id,created_at\nL1,2026-01-01\nL2,2026-01-01\nL3,2026-01-01\n"

    @Test func dealsSetConvertedAtAndUnknownLeadsAreCounted() throws {
        let deals = "lead_id,won_date\nL2,2026-03-01\nL2,2026-02-01\nX9,2026-02-01\nX9,2026-02-02\nX8,2026-01-05\n"
        let store = try LeadStore(DataSet(
            leads: source("leads.csv", Self.leads),
            touches: [source("t.csv", "lead_id,at\nL2,2026-01-02\nL2,2026-03-02\n")],
            conversions: [source("deals.csv", deals)]))
        #expect(values(store.leads, "converted_at") == [nil, "2026-02-01T00:00:00Z", nil])
        #expect(values(store.leads, "followups_to_convert") == [nil, "1", nil])
        #expect(store.summary.unknownDeals == 3)
        #expect(store.summary.decisions == ["deals.csv: 2 deals set converted_at for 1 lead", "deals.csv: 3 deals for 2 lead ids not in the leads"])
    }

    @Test func dealsTakeAMappedLeadIdAndDate() throws {
        let options = FileOptions(mappings: [FieldMapping(target: "lead_id", header: "mql_id"), FieldMapping(target: "converted_at", header: "signed")])
        let store = try LeadStore(DataSet(
            leads: source("leads.csv", Self.leads), conversions: [source("deals.csv", "mql_id,signed\nL3,2026-04-01\n", options: options)]))
        #expect(values(store.leads, "converted_at") == [nil, nil, "2026-04-01T00:00:00Z"])
    }

    @Test func aDataSetWithNoTouchesLoadsAndSaysSo() throws {
        let store = try LeadStore(DataSet(leads: source("leads.csv", Self.leads)))
        #expect(!store.touchesLoaded)
        #expect(store.summary.warnings == ["no touches loaded: follow-up KPIs (rate, speed, followups, …) are null; add touch files with --touches"])
        #expect(store.summaryLines.last?.hasPrefix("  warning: no touches loaded") == true)
    }
}
