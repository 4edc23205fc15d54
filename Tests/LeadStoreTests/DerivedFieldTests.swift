import LeadStore
import Testing

/// The derived lead fields on the hand-made example data, where every answer
/// is known by hand (see the comments on each lead).
@Suite struct DerivedFieldTests {
    let store: LeadStore

    init() throws {
        store = try LeadStore(
            leads: DataSource(path: examplesFolder + "/leads.csv"),
            touches: [DataSource(path: examplesFolder + "/touches.csv")])
    }

    /// lead: followups, first_followup_at, first_channel, first_rep, response (hours), channels, followups_to_convert,
    /// last_followup_at, last_touch_at (any direction: L03's touch before creation, L04's inbound ones)
    static let expected: [[String?]] = [
        // First follow-up at the moment of creation; a touch after conversion does not count toward it.
        ["L01", "4", "2026-01-05T09:00:00Z", "call", "Ana Souza", "0.0", "3", "3", "2026-01-25T09:00:00Z", "2026-01-25T09:00:00Z"],
        // First follow-up exactly one hour in.
        ["L02", "2", "2026-01-05T11:30:00Z", "email", "Ben Carter", "1.0", "2", nil, "2026-01-07T16:00:00Z", "2026-01-07T16:00:00Z"],
        // Only a touch from before the lead was created.
        ["L03", "0", nil, nil, nil, nil, "0", nil, nil, "2026-01-06T08:00:00Z"],
        // Inbound touches only.
        ["L04", "0", nil, nil, nil, nil, "0", nil, nil, "2026-01-08T11:00:00Z"],
        // No touches at all.
        ["L05", "0", nil, nil, nil, nil, "0", nil, nil, nil],
        // Converted before any follow-up.
        ["L06", "1", "2026-01-09T09:00:00Z", "call", "Ben Carter", "24.0", "1", "0", "2026-01-09T09:00:00Z", "2026-01-09T09:00:00Z"],
        // No direction counts as outbound.
        ["L07", "1", "2026-01-09T09:30:00Z", "sms", "Zoë Ångström", "0.5", "1", nil, "2026-01-09T09:30:00Z", "2026-01-09T09:30:00Z"],
        // Same channel three times plus a touch with no channel.
        ["L08", "4", "2026-02-02T10:00:00Z", "email", "Okafor, Chidi", "1.0", "1", nil, "2026-02-05T10:00:00Z", "2026-02-05T10:00:00Z"],
        // Touches out of order in the file; the earliest is inbound.
        ["L09", "2", "2026-02-10T13:00:00Z", "email", "Ben Carter", "4.0", "2", nil, "2026-02-12T10:00:00Z", "2026-02-12T10:00:00Z"],
        // A touch exactly at conversion counts toward it.
        ["L10", "4", "2026-03-01T09:15:00Z", "call", "Ben Carter", "0.25", "3", "3", "2026-03-11T09:00:00Z", "2026-03-11T09:00:00Z"],
        // Not touched.
        ["L11", "0", nil, nil, nil, nil, "0", nil, nil, nil],
        // Followed up across midnight.
        ["L12", "1", "2026-03-16T02:30:00Z", "social", "Okafor, Chidi", "3.0", "1", nil, "2026-03-16T02:30:00Z", "2026-03-16T02:30:00Z"],
    ]

    @Test func everyDerivedFieldOfEveryLead() {
        let leads = store.leads
        let ids = values(leads, "lead_id")
        #expect(ids.count == Self.expected.count)
        for row in Self.expected {
            guard let index = ids.firstIndex(of: row[0]) else {
                Issue.record("lead \(row[0]!) is missing")
                continue
            }
            let actual = [ids[index]] + FollowUpIndex.derivedFieldNames.map { values(leads, $0)[index] }
            #expect(actual == row, "lead \(row[0]!)")
        }
    }

    @Test func touchCounts() {
        let counts = store.followUps.counts
        #expect(counts.followUps == 19)
        #expect(counts.inbound == 3)
        #expect(counts.beforeCreation == 1)
        #expect(counts.unknownLead == 1)
        #expect(counts.unknownLeadIDs == 1)
        #expect(counts.withoutLeadID == 1)
        #expect(counts.unrecognizedDirections.isEmpty)
    }

    @Test func touchesAreIndexedByLeadThenTime() {
        let index = store.followUps
        let at = store.touches.timestamps("at")!
        let ids = values(store.touches, "lead_id")
        let leadIDs = values(store.leads, "lead_id")
        for lead in 0..<store.leads.rowCount {
            let range = Int(index.touchStart[lead])..<Int(index.touchStart[lead + 1])
            for touch in range {
                #expect(ids[touch] == leadIDs[lead])
                #expect(index.touchLead[touch] == UInt32(lead))
                if touch > range.lowerBound { #expect(at[touch - 1] <= at[touch]) }
            }
        }
        #expect(values(store.touches, "touch_id")[Int(index.touchStart[8])...].prefix(3) == ["T17", "T18", "T16"])
        let unmatched = Int(index.touchStart[store.leads.rowCount])
        #expect(store.touches.rowCount - unmatched == 2)
    }

    @Test func followUpFlagsMatchTheCounts() {
        #expect(store.followUps.isFollowUp.filter { $0 }.count == 19)
    }

    @Test func unknownDirectionValuesStopTheLoad() throws {
        let touches = "lead_id,at,direction\nL1,2026-01-02,outbound\nL1,2026-01-03,sideways\nL1,2026-01-04,INBOUND\n"
        #expect(loadError(leads: minimalLeads, touches: touches)?.contains("direction values leadq does not know: \"sideways\" (1 touch)") == true)
    }

    @Test func addingTouchFilesStacksThemAndRederives() throws {
        var store = try load(leads: minimalLeads, touches: "lead_id,at,channel\nL1,2026-01-03,call\n")
        try store.addTouches(DataSource(file: FileBytes(name: "emails.csv", bytes: Array("lead_id,at,channel,subject\nL1,2026-01-02,email,Hello\n".utf8))))
        #expect(store.touches.rowCount == 2)
        #expect(values(store.leads, "followups") == ["2"])
        #expect(values(store.leads, "first_channel") == ["email"])
        #expect(values(store.leads, "channels") == ["2"])
        #expect(values(store.touches, "subject") == ["Hello", nil])
    }

    @Test func replacingLeadsKeepsTouches() throws {
        var store = try load(leads: minimalLeads, touches: "lead_id,at\nL1,2026-01-03\nL2,2026-01-04\n")
        #expect(store.followUps.counts.unknownLead == 1)
        try store.replaceLeads(DataSource(file: FileBytes(name: "more.csv", bytes: Array("lead_id,created_at\nL1,2026-01-01\nL2,2026-01-01\n".utf8))))
        #expect(values(store.leads, "followups") == ["1", "1"])
        #expect(store.followUps.counts.unknownLead == 0)
    }
}
