import LeadStore
import Testing

/// Moments are kept to the millisecond: in storage, in which touches count
/// as follow-ups, and in every derived field.
@Suite struct SubSecondTests {
    static let leads = """
        lead_id,created_at
        L1,2026-01-05T10:00:00.800Z
        L2,2026-01-05T11:00:00Z
        L3,1/5/2026 12:00:00.5 PM

        """
    static let touches = """
        lead_id,at,channel
        L1,2026-01-05T10:00:00Z,call
        L1,2026-01-05T10:00:01.050Z,email
        L2,2026-01-05T11:00:00.250Z,call
        L3,1767614400499,sms
        L3,1767614400500,chat

        """

    @Test func aTouchLessThanASecondBeforeItsLeadIsNotAFollowUp() throws {
        let store = try load(leads: Self.leads, touches: Self.touches)
        #expect(values(store.leads, "followups") == ["1", "1", "1"])
        #expect(values(store.leads, "first_channel") == ["email", "call", "chat"])
        #expect(values(store.leads, "first_followup_at") == ["2026-01-05T10:00:01.050Z", "2026-01-05T11:00:00.250Z", "2026-01-05T12:00:00.500Z"])
        guard case .duration(let response)? = store.leads["response"]?.data else {
            Issue.record("response is not a duration")
            return
        }
        #expect(response == [250, 250, 0].map { $0 * TimeScale.perSecond / 1000 })
    }

    @Test func storedToTheMillisecond() throws {
        let store = try load(leads: Self.leads, touches: Self.touches)
        #expect(values(store.leads, "created_at") == ["2026-01-05T10:00:00.800Z", "2026-01-05T11:00:00Z", "2026-01-05T12:00:00.500Z"])
        #expect(store.leads.timestamps("created_at")![0] - epoch("2026-01-05T10:00:00Z") == 800 * TimeScale.perSecond / 1000)
        #expect(CivilDate.iso8601(epoch("1969-12-31T23:59:59.001Z")) == "1969-12-31T23:59:59.001Z")
        #expect(CivilDate.iso8601(epoch("2026-01-05T10:00:00.100Z")) == "2026-01-05T10:00:00.100Z")
    }
}
