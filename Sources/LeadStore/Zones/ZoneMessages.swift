/// What leadq says about time zones.
enum ZoneMessages {
    static func unknown(_ name: String, suggestions: [String]) -> String {
        let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
        return "unknown time zone \"\(name)\"\(hint) (zones are IANA names such as Europe/Berlin, UTC, or offsets such as +05:30)"
    }

    static func noDatabase(_ name: String, folder: String) -> String {
        "cannot read time zone \"\(name)\": the tz database is not at \(folder); install the tzdata package, or use UTC or an offset such as +05:30"
    }

    /// The `.summary` note on times read in the load's zone.
    static func readWithoutOffset(count: String, zone: String) -> String {
        "\(count) written without an offset were read as \(zone) times (--tz, or set tz before .open, reads them in another zone)"
    }

    /// A lead's `timezone` that names no zone.
    static func unknownLeadZone(_ name: String, suggestions: [String], lead: String, leads: Int) -> String {
        let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
        let others = leads > 1 ? " and \(Quantity.counted(leads - 1, "other lead", "other leads"))" : ""
        return "leads: timezone \"\(name)\" of lead \(lead)\(others) is not a time zone\(hint) (their business hours are counted in the session's zone)"
    }
}
