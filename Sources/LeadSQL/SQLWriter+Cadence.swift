import LeadEngine
import LeadStore

/// The lead fields of its latest touches and of the follow-up cadence, with
/// the in-memory definitions, written into `lead_facts` only when a
/// statement reads them:
/// - `last_followup_at`: the latest follow-up;
/// - `last_touch_at`: the latest touch of the lead, of any direction and time;
/// - `next_due_at`: the cadence's gap after the last follow-up (after
///   `created_at` before the first), for the cadence set; null once the lead
///   has converted or has had every follow-up of the cadence.
/// `due` and `overdue` are comparisons of `next_due_at` with `now` (a
/// literal), so they compile as any filter.
extension SQLWriter {
    static let latestFieldNames = ["last_followup_at", "last_touch_at", "next_due_at"]

    /// The aggregates over `follow_ups` (alias `f`), the `lead_facts` columns and the joins they need.
    var latestFields: (perLead: [String], columns: [String], joins: [String]) {
        var perLead: [String] = [], columns: [String] = [], joins: [String] = []
        if latest.contains("last_followup_at") || latest.contains("next_due_at") {
            perLead.append("max(touched_at) AS last_followup_at")
        }
        if latest.contains("last_followup_at") { columns.append("f.last_followup_at") }
        if latest.contains("last_touch_at") {
            columns.append("lt.last_touch_at")
            joins.append("LEFT JOIN (SELECT t.lead_id, max(t.at) AS last_touch_at FROM touches t GROUP BY t.lead_id) lt ON lt.lead_id = l.lead_id")
        }
        if latest.contains("next_due_at") { columns.append("\(nextDue) AS next_due_at") }
        return (perLead, columns, joins)
    }

    /// `next_due_at` from the lead (`l`) and its follow-ups (`f`).
    private var nextDue: String {
        let cadence = plan.cadence
        guard !cadence.isEmpty else { return dialect.fromMillis("NULL") }
        let done = "coalesce(f.followups, 0)"
        let from = "CASE WHEN \(done) = 0 THEN l.created_at ELSE f.last_followup_at END"
        let gap = "CASE \(done) " + cadence.enumerated().map { "WHEN \($0) THEN \($1) " }.joined() + "END"
        var open = "\(done) < \(cadence.count)"
        if hasLeadColumn("converted_at") { open = "l.converted_at IS NULL AND " + open }
        return "CASE WHEN \(open) THEN \(dialect.fromMillis("(\(dialect.epochMillis(from)) + \(gap))")) END"
    }
}
