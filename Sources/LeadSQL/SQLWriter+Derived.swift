import LeadEngine
import LeadStore

/// The derived lead fields (SPEC §2) as common table expressions over
/// `leads` and `touches`, with the in-memory definitions:
/// - a follow-up is a touch of a known lead, at or after the lead's
///   `created_at`, whose direction is empty or not an inbound word;
/// - `followups` counts them (0 when none); `first_followup_at`,
///   `first_channel`, `first_rep` are the earliest one's (ties by channel,
///   then rep); `response` is milliseconds from `created_at` to it;
/// - `channels` counts distinct channels among follow-ups;
/// - `followups_to_convert` counts follow-ups at or before `converted_at`,
///   null when the lead has not converted.
extension SQLWriter {
    /// `follow_ups` and `lead_facts` (with `response_business` when the statement reads it).
    var derivedFields: [(name: String, body: String)] {
        let channel = hasTouchColumn("channel") ? "t.channel" : "CAST(NULL AS \(dialect.textType))"
        let rep = hasTouchColumn("rep") ? "t.rep" : "CAST(NULL AS \(dialect.textType))"
        let converted = hasLeadColumn("converted_at") ? "l.converted_at" : nil
        var followUps = """
            SELECT t.lead_id, t.at AS touched_at, \(channel) AS channel, \(rep) AS rep,
              row_number() OVER (PARTITION BY t.lead_id ORDER BY t.at, \(channel), \(rep)) AS n
            """
        if let converted { followUps += ",\n  \(converted) AS converted_at" }
        followUps += "\nFROM touches t\nJOIN leads l ON l.lead_id = t.lead_id\nWHERE \(isFollowUp(touch: "t", lead: "l"))"
        var perLead = [
            "count(*) AS followups",
            "min(touched_at) AS first_followup_at",
            "min(channel) FILTER (WHERE n = 1) AS first_channel",
            "min(rep) FILTER (WHERE n = 1) AS first_rep",
            "count(DISTINCT channel) AS channels",
        ]
        if converted != nil { perLead.append("count(*) FILTER (WHERE touched_at <= converted_at) AS to_convert") }
        let latest = latestFields
        perLead += latest.perLead
        let toConvert = converted != nil
            ? "CASE WHEN l.converted_at IS NOT NULL THEN coalesce(f.to_convert, 0) END"
            : "CAST(NULL AS bigint)"
        let leadFacts = """
            SELECT l.*,
              coalesce(f.followups, 0) AS followups,
              f.first_followup_at,
              f.first_channel,
              f.first_rep,
              \(dialect.epochMillis("f.first_followup_at")) - \(dialect.epochMillis("l.created_at")) AS response,
              coalesce(f.channels, 0) AS channels,
              \(toConvert) AS followups_to_convert\(latest.columns.map { ",\n  " + $0 }.joined())
            FROM leads l
            LEFT JOIN (
              SELECT lead_id,
            \(perLead.map { "    " + $0 }.joined(separator: ",\n"))
              FROM follow_ups
              GROUP BY lead_id
            ) f ON f.lead_id = l.lead_id\(latest.joins.map { "\n" + $0 }.joined())
            """
        guard let clock = businessClock else { return [("follow_ups", followUps), ("lead_facts", leadFacts)] }
        return [("follow_ups", followUps), ("lead_base", leadFacts)] + businessFields(clock)
    }

    /// Whether a touch (alias `touch`) of a lead (alias `lead`) is a follow-up.
    func isFollowUp(touch: String, lead: String) -> String {
        let after = "\(touch).at >= \(lead).created_at"
        guard hasTouchColumn("direction") else { return after }
        let words = TouchDirection.inboundWords.sorted().map(dialect.string).joined(separator: ", ")
        return "\(after)\n  AND (\(touch).direction IS NULL OR lower(trim(\(touch).direction)) NOT IN (\(words)))"
    }
}
