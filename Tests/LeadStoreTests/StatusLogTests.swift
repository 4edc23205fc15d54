import Foundation
import LeadStore
import Testing

/// Status-change logs (`--events FILE --created … --qualified … --converted …`).
@Suite struct StatusLogTests {
    static let log = """
        lead_id,status,changed_at
        A,NEW_LEAD,2026-01-01 09:00:00
        A,NO_ANSWER,2026-01-01 10:00:00
        A,QUALIFIED,2026-01-02 09:00:00
        A,new_lead,2026-01-03 09:00:00
        A,QUALIFIED,2026-01-04 09:00:00
        A,DONE_DEAL,2026-01-05 09:00:00
        B,CALL_AGAIN,2026-01-02 12:00:00
        B,DONE_DEAL,2026-01-01 12:00:00
        C,NEW_LEAD,2026-01-03 08:00:00

        """
    static let statuses = StatusWords(created: ["NEW_LEAD"], qualified: ["QUALIFIED"], converted: ["DONE_DEAL"])

    static func store(options: FileOptions = FileOptions(), statuses: StatusWords = statuses) throws -> LeadStore {
        try LeadStore(DataSet(events: DataSource(file: FileBytes(name: "log.csv", bytes: Array(log.utf8)), options: options), statuses: statuses))
    }

    @Test func leadsAreCreatedAtTheirFirstCreatedEventOrTheirFirstEvent() throws {
        let store = try Self.store()
        #expect(values(store.leads, "lead_id") == ["A", "B", "C"])
        #expect(values(store.leads, "created_at") == ["2026-01-01T09:00:00Z", "2026-01-01T12:00:00Z", "2026-01-03T08:00:00Z"])
        #expect(values(store.leads, "qualified_at") == ["2026-01-02T09:00:00Z", nil, nil])
        #expect(values(store.leads, "converted_at") == ["2026-01-05T09:00:00Z", "2026-01-01T12:00:00Z", nil])
    }

    @Test func everyEventButCreationIsAnOutboundTouchWhoseOutcomeIsTheStatus() throws {
        let store = try Self.store()
        // A re-opened lead's second NEW_LEAD is no touch; the qualifying and converting events and their repeats are.
        #expect(store.touches.rowCount == 6)
        #expect(values(store.touches, "outcome") == ["NO_ANSWER", "QUALIFIED", "QUALIFIED", "DONE_DEAL", "DONE_DEAL", "CALL_AGAIN"])
        #expect(values(store.leads, "followups") == ["4", "2", "0"])
        #expect(values(store.leads, "response") == ["1.0", "0.0", nil])
        #expect(values(store.leads, "followups_to_convert") == ["4", "1", nil])
        #expect(store.summary.decisions == ["log.csv: status log of 3 leads, 6 status changes as touches, 1 repeated creation events not counted"])
    }

    @Test func aChannelCanBeGivenForEveryEvent() throws {
        let store = try Self.store(options: FileOptions(constants: [FieldConstant(field: "channel", value: "call")]))
        #expect(Set(values(store.touches, "channel")) == ["call"])
    }

    @Test(arguments: ["status", "stage", "event", "new_value"])
    func statusColumnAliases(header: String) throws {
        let text = "lead_id,\(header),timestamp\nA,NEW,2026-01-01\nA,CALLED,2026-01-02\n"
        let store = try LeadStore(DataSet(events: DataSource(file: FileBytes(name: "log.csv", bytes: Array(text.utf8))),
                                          statuses: StatusWords(created: ["new"])))
        #expect(values(store.touches, "outcome") == ["CALLED"])
    }

    static let leadsmart = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/realdata/leadsmart/lead_status_changes.csv").standardized.path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: leadsmart), "../shared/realdata/leadsmart is not on this machine: skipped"))
    func theLeadsmartLogLoads() throws {
        let store = try LeadStore(DataSet(events: DataSource(path: Self.leadsmart), statuses: Self.statuses))
        #expect(store.leads.rowCount == 26_279)
        // 38,925 rows less 26,294 NEW_LEAD rows.
        #expect(store.touches.rowCount == 38_925 - 26_294)
        #expect(store.leads.timestamps("converted_at")!.filter { $0 != Int64.min }.count == 84)
    }
}
