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
    /// `follow_ups` and `lead_facts` with every derived field.
    var derivedFields: [(name: String, body: String)] { derivedFields(using: nil) }

    /// `follow_ups` and `lead_facts` with the derived fields `used` names
    /// (every one when nil): the window that ranks follow-ups only for
    /// `first_channel` and `first_rep`, the distinct count only for
    /// `channels`, and no follow-ups at all when no derived field is read.
    func derivedFields(using used: Set<String>?) -> [(name: String, body: String)] {
        // The latest-touch fields and next_due_at read the follow-ups' own columns: with them, every field.
        let latest = latestFields
        let used = latest.columns.isEmpty ? used : nil
        let needs = { (name: String) in used?.contains(name) ?? true }
        guard Self.derivedFields.contains(where: needs) else { return [("lead_facts", "SELECT l.*\nFROM leads l")] }
        let channel = hasTouchColumn("channel") ? "t.channel" : "CAST(NULL AS \(dialect.textType))"
        let rep = hasTouchColumn("rep") ? "t.rep" : "CAST(NULL AS \(dialect.textType))"
        let converted = hasLeadColumn("converted_at") ? "l.converted_at" : nil
        let ranked = needs("first_channel") || needs("first_rep")
        var followUps = "SELECT t.lead_id, t.at AS touched_at, \(channel) AS channel, \(rep) AS rep"
        if ranked { followUps += ",\n  row_number() OVER (PARTITION BY t.lead_id ORDER BY t.at, \(channel), \(rep)) AS n" }
        if let converted { followUps += ",\n  \(converted) AS converted_at" }
        followUps += "\nFROM touches t\nJOIN leads l ON l.lead_id = t.lead_id\nWHERE \(isFollowUp(touch: "t", lead: "l"))"
        let toConvert = converted != nil
            ? "CASE WHEN l.converted_at IS NOT NULL THEN coalesce(f.to_convert, 0) END"
            : "CAST(NULL AS bigint)"
        // Each field: what lead_facts shows, and the aggregate per lead it reads (nil: none of its own).
        let fields: [(name: String, fact: String, perLead: String?)] = [
            ("followups", "coalesce(f.followups, 0) AS followups", "count(*) AS followups"),
            ("first_followup_at", "f.first_followup_at", "min(touched_at) AS first_followup_at"),
            ("first_channel", "f.first_channel", "min(channel) FILTER (WHERE n = 1) AS first_channel"),
            ("first_rep", "f.first_rep", "min(rep) FILTER (WHERE n = 1) AS first_rep"),
            ("response", "\(dialect.epochMillis("f.first_followup_at")) - \(dialect.epochMillis("l.created_at")) AS response", nil),
            ("channels", "coalesce(f.channels, 0) AS channels", "count(DISTINCT channel) AS channels"),
            ("followups_to_convert", "\(toConvert) AS followups_to_convert",
             converted != nil ? "count(*) FILTER (WHERE touched_at <= converted_at) AS to_convert" : nil),
        ]
        let kept = fields.filter { needs($0.name) }
        var perLead = fields.filter { needs($0.name) || ($0.name == "first_followup_at" && needs("response")) }.compactMap(\.perLead)
        if perLead.isEmpty { perLead = ["count(*) AS followups"] }
        perLead += latest.perLead
        let leadFacts = """
            SELECT l.*,
            \((kept.map { "  " + $0.fact } + latest.columns.map { "  " + $0 }).joined(separator: ",\n"))
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

    /// The statement's parts with `follow_ups` and `lead_facts` written for
    /// the derived fields the other parts and `final` read.
    func keepingDerivedFieldsUsed(_ parts: [(name: String, body: String)], final: String) -> [(name: String, body: String)] {
        guard parts.count >= 2, parts[0].name == "follow_ups", parts[1].name == "lead_facts" else { return parts }
        let rest = parts.dropFirst(2).map(\.body).joined(separator: "\n") + "\n" + final
        let used = Self.derivedFields.filter { Self.mentions($0, in: rest) }
        return derivedFields(using: used) + parts.dropFirst(2)
    }

    /// Whether `text` has `word` as a whole identifier.
    static func mentions(_ word: String, in text: String) -> Bool {
        func isName(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }
        for range in text.ranges(of: word) {
            if range.lowerBound > text.startIndex, isName(text[text.index(before: range.lowerBound)]) { continue }
            if range.upperBound < text.endIndex, isName(text[range.upperBound]) { continue }
            return true
        }
        return false
    }

    /// Whether a touch (alias `touch`) of a lead (alias `lead`) is a follow-up.
    func isFollowUp(touch: String, lead: String) -> String {
        let after = "\(touch).at >= \(lead).created_at"
        guard hasTouchColumn("direction") else { return after }
        return "\(after)\n  AND \(dialect.isOutbound("\(touch).direction"))"
    }
}
