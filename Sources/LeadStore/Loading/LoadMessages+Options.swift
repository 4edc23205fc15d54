/// The texts of load errors and notes about data options and file shapes.
extension LoadMessages {
    static func quoted(_ values: [String]) -> String {
        values.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    static func noColumn(_ mapping: FieldMapping, nearest: [String]) -> String {
        "--map \(mapping.target)=\(mapping.header): the file has no column \"\(mapping.header)\"; the nearest are "
            + quoted(nearest) + " (--const \(mapping.target)=VALUE gives every row one value)"
    }

    static func constantRefused(_ constant: FieldConstant, reason: String) -> String {
        "--const \(constant.field)=\(constant.value): \(reason)"
    }

    static func missingField(_ field: String, headers: String) -> String {
        "no \(field) column: the header has \(headers); name the column with --map \(field)=HEADER"
    }

    static let utf16 = "the file is UTF-16; save it as UTF-8 (in Excel: Save As, CSV UTF-8; or iconv -f UTF-16 -t UTF-8)"

    static func constantNote(file: String, field: String, value: String) -> String {
        "\(file): every row has \(field) \"\(value)\" (--const)"
    }

    /// A shared `--map` that no file took.
    static func sharedMapUnused(_ mapping: FieldMapping, nearest: [(file: String, header: String)]) -> String {
        "no file has a column \"\(mapping.header)\"; the nearest are "
            + nearest.map { "\"\($0.header)\" (\($0.file))" }.joined(separator: ", ")
    }

    /// A shared `--const` that no file took.
    static func sharedConstantUnused(_ constant: FieldConstant) -> String {
        "no file has the field \(constant.field); write --const after the file option it belongs to"
    }

    /// Shared direction words with no direction column in any file.
    static let sharedDirectionsUnused = "no touch file has a direction column"
    static let ownDirectionsUnused = "--inbound/--outbound: the file has no direction column"
    static let noLeads = "no leads: give a leads file or a status log"

    static func unknownDirections(_ counts: [(value: String, count: Int)]) -> String {
        let listed = counts.prefix(10).map { "\"\($0.value)\" (\(Quantity.grouped($0.count)) touch\($0.count == 1 ? "" : "es"))" }
        let more = counts.count > 10 ? " and \(counts.count - 10) more" : ""
        return "direction values leadq does not know: " + listed.joined(separator: ", ") + more
            + "; declare them after the file with --inbound WORD,… or --outbound WORD,…"
    }

    static func directionConflict(_ word: String) -> String {
        "direction \"\(word)\" is declared both --inbound and --outbound"
    }

    static let noTouches = "no touches loaded: follow-up KPIs (rate, speed, followups, …) are null; add touch files with --touches"

    static func unknownDeals(_ count: Int, ids: Int) -> String {
        "\(Quantity.grouped(count)) deal\(count == 1 ? "" : "s") for \(Quantity.grouped(ids)) lead id\(ids == 1 ? "" : "s") not in the leads"
    }

    static func conversionsRead(file: String, deals: Int, leads: Int) -> String {
        "\(file): \(Quantity.grouped(deals)) deal\(deals == 1 ? "" : "s") set converted_at for \(Quantity.grouped(leads)) lead\(leads == 1 ? "" : "s")"
    }

    static func duplicateLead(_ id: String, first: RowPlace) -> String {
        "duplicate lead_id \"\(id)\" (first on \(first.inProse)); every lead needs its own id"
    }

    static func flagRead(file: String, header: String, field: String) -> String {
        "\(file): \"\(header)\" read as the yes/no flag \(field)"
    }

    static func eventsRead(file: String, leads: Int, touches: Int, reopened: Int) -> String {
        "\(file): status log of \(Quantity.grouped(leads)) leads, \(Quantity.grouped(touches)) status changes as touches"
            + (reopened > 0 ? ", \(Quantity.grouped(reopened)) repeated creation events not counted" : "")
    }
}
