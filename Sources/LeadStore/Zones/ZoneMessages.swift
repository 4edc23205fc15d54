/// What leadq says about time zones.
enum ZoneMessages {
    static func unknown(_ name: String, suggestions: [String]) -> String {
        let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
        return "unknown time zone \"\(shown(name))\"\(hint) (zones are IANA names such as Europe/Berlin, UTC, or offsets such as +05:30)"
    }

    static func noDatabase(_ name: String, folder: String) -> String {
        "cannot read time zone \"\(shown(name))\": the tz database is not at \(folder); install the tzdata package, or use UTC or an offset such as +05:30"
    }

    /// The `.summary` note on times read in the load's zone.
    static func readWithoutOffset(count: String, zone: String) -> String {
        "\(count) written without an offset were read as \(zone) times (--tz, or set tz before .open, reads them in another zone)"
    }

    /// A lead's `timezone` that names no zone, and how many other such names there are.
    static func unknownLeadZone(_ name: String, suggestions: [String], lead: String, leads: Int,
                                otherNames: Int, otherLeads: Int) -> String {
        let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?"
        let others = leads > 1 ? " and \(Quantity.counted(leads - 1, "other lead", "other leads"))" : ""
        let more = otherNames == 0 ? "their" :
            "nor are \(Quantity.counted(otherNames, "more name", "more names")), on \(Quantity.counted(otherLeads, "lead", "leads")); all their"
        return "leads: timezone \"\(shown(name))\" of lead \(shown(lead))\(others) is not a time zone\(hint) (\(more) business hours are counted in the session's zone)"
    }

    /// A name as a message shows it: control characters escaped, and cut
    /// short with `…` past 60 characters.
    static func shown(_ name: String) -> String {
        var text = ""
        for (index, character) in name.enumerated() {
            if index == 60 { return text + "…" }
            if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) {
                text.append(character)
            } else {
                text += character.unicodeScalars.map { "\\u{" + String($0.value, radix: 16) + "}" }.joined()
            }
        }
        return text
    }
}
