import LeadStore
import Testing

/// Header names: case, spaces, dashes and dots, CRM aliases, and `--map`.
@Suite struct HeaderMappingTests {
    @Test(arguments: ["Record ID", "Lead ID", "LEADID", "Id", "lead-id", "LEAD.ID", " lead_id "])
    func leadIDAliases(header: String) throws {
        let store = try load(leads: "\(header),created_at\nL1,2026-01-01\n")
        #expect(values(store.leads, "lead_id") == ["L1"])
    }

    @Test(arguments: ["Create Date", "Created Date", "CreatedDate", "Created Time", "CREATED-AT"])
    func createdAtAliases(header: String) throws {
        let store = try load(leads: "lead_id,\(header)\nL1,2026-01-01\n")
        #expect(store.leads.timestamps("created_at") == [epoch("2026-01-01")])
    }

    @Test(arguments: [
        ("Lead Source", "source"), ("Original Source", "source"), ("Contact owner", "owner"),
        ("Lead Owner", "owner"), ("Owner", "owner"), ("Converted Date", "converted_at"),
    ])
    func optionalLeadFieldAliases(header: String, field: String) throws {
        let value = field == "converted_at" ? "2026-01-02" : "x"
        let store = try load(leads: "lead_id,created_at,\(header)\nL1,2026-01-01,\(value)\n")
        #expect(store.leads[field] != nil, "\(header) should map to \(field)")
        #expect(store.leads[field]?.origin == header)
    }

    @Test(arguments: ["Call Start Time", "Activity Date", "Start DateTime", "Timestamp"])
    func touchTimeAliases(header: String) throws {
        let store = try load(leads: minimalLeads, touches: "lead_id,\(header)\nL1,2026-01-02\n")
        #expect(store.touches.timestamps("at") == [epoch("2026-01-02")])
    }

    @Test(arguments: ["Call Owner", "Assigned", "Event Owner"])
    func repAliases(header: String) throws {
        let store = try load(leads: minimalLeads, touches: "lead_id,at,\(header)\nL1,2026-01-02,Ana\n")
        #expect(values(store.touches, "rep") == ["Ana"])
    }

    @Test func callTypeWithDirectionsBecomesDirection() throws {
        let store = try load(
            leads: minimalLeads,
            touches: "LEADID,Call Start Time,Call Type\nL1,2026-01-02 10:00:00,Outbound\nL1,2026-01-02 11:00:00,Inbound\nL1,2026-01-02 12:00:00,Missed\n")
        #expect(values(store.touches, "direction") == ["Outbound", "Inbound", "Missed"])
        #expect(store.touches["channel"] == nil)
        #expect(store.followUps.counts.followUps == 1)
        #expect(store.followUps.counts.inbound == 2)
        #expect(store.summary.decisions == ["touches.csv: \"Call Type\" read as direction (values \"Outbound\", \"Inbound\", \"Missed\")"])
    }

    @Test func typeWithChannelsBecomesChannel() throws {
        let store = try load(leads: minimalLeads, touches: "lead_id,at,Type\nL1,2026-01-02,Call\nL1,2026-01-03,Email\n")
        #expect(values(store.touches, "channel") == ["Call", "Email"])
    }

    @Test func mapOverridesAliases() throws {
        let store = try load(
            leads: "lead_id,created_at,Signup Time\nL1,2026-01-01,2026-02-01\n",
            leadMaps: [FieldMapping(target: "created_at", header: "Signup Time")])
        #expect(store.leads.timestamps("created_at") == [epoch("2026-02-01")])
        // The column that lost its name keeps its own, numbered to stay unique.
        #expect(store.leads["created_at_2"]?.kind == .timestamp)
    }

    @Test func mapToAMissingHeaderNamesTheNearestColumns() {
        #expect(loadError(leads: minimalLeads, leadMaps: [FieldMapping(target: "owner", header: "Rep Name")])
            == "leads.csv:1: error: --map owner=Rep Name: the file has no column \"Rep Name\"; the nearest are \"lead_id\", \"created_at\" (--const owner=VALUE gives every row one value)")
    }

    @Test func mapArgumentParsing() {
        #expect(FieldMapping(argument: "created_at=Create Date") == FieldMapping(target: "created_at", header: "Create Date"))
        #expect(FieldMapping(argument: "created_at") == nil)
        #expect(FieldMapping(argument: "=x") == nil)
    }

    @Test func extraHeadersBecomeFieldNames() throws {
        let store = try load(leads: "lead_id,created_at,Call Duration (in seconds),Deal-Size,Lead.Score,\nL1,2026-01-01,60,5,7,x\n")
        #expect(store.leads.columnNames.prefix(6) == ["lead_id", "created_at", "call_duration_in_seconds", "deal_size", "lead_score", "column_6"])
    }

    @Test func extraColumnCannotShadowADerivedField() throws {
        let store = try load(leads: "lead_id,created_at,followups\nL1,2026-01-01,99\n")
        #expect(store.leads["followups_2"]?.data.renderedValue(0) == "99")
        #expect(store.leads["followups"]?.data.renderedValue(0) == "0")
    }
}

/// `--const field=value` gives every row one value; `--map` never does.
@Suite struct ConstantMappingTests {
    static func calls(_ value: String) -> FileOptions { FileOptions(constants: [FieldConstant(field: "channel", value: value)]) }

    @Test func aMissingChannelCanBeGivenOne() throws {
        let store = try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array(minimalLeads.utf8))),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: Array("lead_id,at\nL1,2026-01-02\nL1,2026-01-03\n".utf8)), options: Self.calls("call"))])
        #expect(values(store.touches, "channel") == ["call", "call"])
        #expect(values(store.leads, "first_channel") == ["call"])
        #expect(store.summary.decisions == ["touches.csv: every row has channel \"call\" (--const)"])
    }

    @Test func aMapToAMissingHeaderIsNeverAConstant() {
        #expect(loadError(leads: minimalLeads, touches: "lead_id,at\nL1,2026-01-02\n", touchMaps: [FieldMapping(target: "channel", header: "call")])?
            .contains("--map channel=call: the file has no column \"call\"") == true)
    }

    @Test func eachTouchFileKeepsItsOwnConstantWhenAdded() throws {
        var store = try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array(minimalLeads.utf8))),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: Array("lead_id,at\nL1,2026-01-02\n".utf8)), options: Self.calls("call"))])
        try store.addTouches(DataSource(file: FileBytes(name: "events.csv", bytes: Array("lead_id,at\nL1,2026-01-03\n".utf8)),
                                        options: Self.calls("meeting")))
        #expect(values(store.touches, "channel") == ["call", "meeting"])
        #expect(values(store.leads, "channels") == ["2"])
        #expect(store.summary.files.map(\.name) == ["leads.csv", "touches.csv", "events.csv"])
        #expect(store.summary.decisions.count == 2)
    }
}
