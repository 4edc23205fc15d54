import LeadEngine
import LeadStore
import Testing

/// Statements over moments that differ by less than a second: filters,
/// periods, `set now`, duration literals, measures, grouping and `having`.
@Suite struct SubSecondQueryTests {
    static let leads = """
        lead_id,created_at,segment
        L1,2026-01-05T10:00:00.800Z,SMB
        L2,2026-01-05T11:00:00Z,SMB
        L3,2026-01-05T12:00:00.500Z,Enterprise

        """
    static let touches = """
        lead_id,at,channel
        L1,2026-01-05T10:00:00Z,call
        L1,2026-01-05T10:00:01.050Z,email
        L2,2026-01-05T11:00:00.250Z,call
        L2,2026-01-05T11:00:00.250Z,email
        L3,2026-01-05T12:00:02.500Z,sms

        """

    static func session() throws -> Session {
        let store = try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array(leads.utf8))),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: Array(touches.utf8)))])
        return Session(store: store, description: "sub-second")
    }

    static let cases: [(String, [String])] = [
        ("touches, leads", ["touches | leads", "4 | 3"]),
        ("leads where response <= 250ms", ["leads", "2"]),
        ("leads where response < 250ms", ["leads", "0"]),
        ("leads where response > 0.25s", ["leads", "1"]),
        ("within(250ms), within(249ms)", ["within(250ms) | within(249ms)", "0.6667 | 0.0000"]),
        ("speed(avg), speed(p0)", ["speed(avg) | speed(p0)", "0.0002h [excellent] | 0.0001h [excellent]"]),
        ("leads where created_at >= 2026-01-05T10:00:00.800Z", ["leads", "3"]),
        ("leads where created_at > 2026-01-05T10:00:00.800Z", ["leads", "2"]),
        ("leads where created_at = 2026-01-05T12:00:00.5Z", ["leads", "1"]),
        ("list touches where at < 2026-01-05T10:00:01.050Z", ["lead_id | at | channel", "L1 | 2026-01-05T10:00:00Z | call"]),
        ("min(at), max(at) by segment", [
            "segment | min(at) | max(at)",
            "Enterprise | 2026-01-05T12:00:02.500Z | 2026-01-05T12:00:02.500Z",
            "SMB | 2026-01-05T10:00:00Z | 2026-01-05T11:00:00.250Z",
        ]),
        ("touches, distinct(first_followup_at), speed by segment having speed > 1s", [
            "segment | touches | distinct(first_followup_at) | speed",
            "Enterprise | 1 | 1 | 0.0006h [excellent]",
        ]),
    ]

    @Test(arguments: cases)
    func statement(text: String, expected: [String]) throws {
        var session = try Self.session()
        #expect(GoldenTests.render(session.run(text)) == expected, "\(text)")
    }

    @Test func nowAndRollingPeriodsToTheMillisecond() throws {
        var session = try Self.session()
        #expect(GoldenTests.render(session.run("set now 2026-01-05T12:00:01.250Z")) == ["ok: now is 2026-01-05T12:00:01.250Z"])
        #expect(GoldenTests.render(session.run("leads where created_at in past 750ms")) == ["leads", "1"])
        #expect(GoldenTests.render(session.run("leads where created_at in past 749ms")) == ["leads", "0"])
    }
}
