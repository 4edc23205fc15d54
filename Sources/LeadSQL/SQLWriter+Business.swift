import LeadEngine
import LeadStore

/// `response_business` in SQL, with the in-memory definition: the open time
/// between `created_at` and the first follow-up in the session's zone, or in
/// the lead's own (see `BusinessClock`, `SQLWriter+LeadZones`). `lead_clocks` reads both times on the wall clock;
/// `lead_facts` adds the field: the open time to the follow-up less the open
/// time to the lead's creation, less what the changes of offset between them
/// take. Hours, holidays and changes are literals of the statement.
extension SQLWriter {
    /// The business clock, when the statement reads `response_business`.
    var businessClock: BusinessClock? {
        guard let calendar = plan.calendar, plan.readsBusinessTime else { return nil }
        return BusinessClock(calendar: calendar)
    }

    /// `lead_clocks` and `lead_facts` over `lead_base` (the leads with their derived fields).
    func businessFields(_ clock: BusinessClock) -> [(name: String, body: String)] {
        let zones = leadZoneGroups
        let clocks = """
            SELECT l.*,
              \(inLeadZone(zones) { wallMillis("l.created_at", in: $0) }) AS created_wall,
              \(inLeadZone(zones) { wallMillis("l.first_followup_at", in: $0) }) AS first_wall
            FROM lead_base l
            """
        var response = "\(open(clock, "first")) - \(open(clock, "created"))"
        let corrections = inLeadZone(zones) { zone in
            let corrections = clock.corrections(zone)
            guard !corrections.isEmpty else { return "0" }
            return "(\(changes(corrections, "l.first_followup_at")) - \(changes(corrections, "l.created_at")))"
        }
        if corrections != "0" {
            response += "\n    - \(corrections)"
        }
        let days = ["created", "first"].map { time in
            "floor(\(time)_wall / 86400000) AS \(time)_day, "
                + "\(time)_wall - floor(\(time)_wall / 86400000) * 86400000 AS \(time)_ms, "
                + "floor((\(time)_wall - \(BusinessClock.firstMonday * TimeScale.perDay)) / 86400000) - "
                + "floor((\(time)_wall - \(BusinessClock.firstMonday * TimeScale.perDay)) / 604800000) * 7 AS \(time)_weekday"
        }
        let facts = """
            SELECT l.*,
              CASE WHEN l.first_followup_at IS NOT NULL
                THEN \(response) END AS response_business
            FROM (
              SELECT c.*,
                \(days.joined(separator: ",\n    "))
              FROM lead_clocks c
            ) l
            """
        return [("lead_clocks", clocks), ("lead_facts", facts)]
    }

    /// The open time from the first Monday to `time`'s wall-clock reading (`time_day`, `time_ms`, `time_weekday`).
    private func open(_ clock: BusinessClock, _ time: String) -> String {
        let day = "\(time)_day", weekday = "\(time)_weekday"
        var terms = ["floor((\(day) - \(BusinessClock.firstMonday)) / \(dialect.doubleLiteral("7"))) * \(clock.weekOpen)"]
        let before = clock.openBefore.enumerated().filter { $0.element != 0 }
        if !before.isEmpty {
            terms.append("CASE \(weekday) " + before.map { "WHEN \($0.offset) THEN \($0.element) " }.joined() + "ELSE 0 END")
        }
        let today = clock.spans.enumerated().filter { !$0.element.isEmpty }.map { weekdayIndex, spans in
            "WHEN \(weekdayIndex) THEN " + spans.map { "least(greatest(\(time)_ms - \($0.start), 0), \($0.end - $0.start))" }.joined(separator: " + ")
        }
        if !today.isEmpty {
            let inDay = "CASE \(weekday) " + today.joined(separator: " ") + " ELSE 0 END"
            let holidays = clock.calendar.holidays.map(String.init).joined(separator: ", ")
            terms.append(holidays.isEmpty ? inDay : "CASE WHEN \(day) IN (\(holidays)) THEN 0 ELSE \(inDay) END")
        }
        let closed = clock.holidaysOpen.filter { $0.through != 0 }
        if !closed.isEmpty {
            terms.append("- CASE " + closed.reversed().map { "WHEN \(day) > \($0.day) THEN \($0.through) " }.joined() + "ELSE 0 END")
        }
        return "(" + terms.joined(separator: " + ").replacingOccurrences(of: "+ - ", with: "- ") + ")"
    }

    /// What the changes of offset at or before `timestamp` take from business time, summed.
    private func changes(_ corrections: [(at: Int64, open: Int64)], _ timestamp: String) -> String {
        var sum: Int64 = 0
        let running = corrections.map { correction -> (Int64, Int64) in
            sum += correction.open
            return (correction.at, sum)
        }
        return "CASE " + running.reversed().map { "WHEN \(timestamp) >= \(self.timestamp($0.0)) THEN \($0.1) " }.joined() + "ELSE 0 END"
    }
}
