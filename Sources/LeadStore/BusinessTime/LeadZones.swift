import Foundation

/// The zone of each lead, from a `timezone` column of IANA names
/// (`America/New_York`, `Europe/Berlin`, `UTC`, `+05:30`): business hours
/// apply in it. An empty value, or a name the tz database does not know
/// (which the load warns about), leaves the lead in the session's zone.
public struct LeadZones: Sendable {
    /// The field that names each lead's zone.
    public static let field = "timezone"

    /// Each lead's code in the column's dictionary; nil when there is no column.
    public let codes: TextCodes?
    /// The zone each code names; nil for a name that names none.
    public let rulesByCode: [ZoneRules?]
    /// The names that name no zone, each with its first lead and how many leads have it.
    public let unknown: [(name: String, suggestions: [String], lead: String, leads: Int)]

    public init(_ leads: Table) {
        guard let column = leads.text(Self.field) else {
            codes = nil
            rulesByCode = []
            unknown = []
            return
        }
        codes = column.codes
        let names = column.dictionary.values
        var rules: [ZoneRules?] = [], failures: [Int: ZoneRules.UnknownZone] = [:]
        for (code, name) in names.enumerated() {
            do {
                rules.append(try ZoneRules.named(name))
            } catch {
                rules.append(nil)
                if !name.trimmingCharacters(in: .whitespaces).isEmpty { failures[code] = error }
            }
        }
        rulesByCode = rules
        var found: [(name: String, suggestions: [String], lead: String, leads: Int)] = []
        if !failures.isEmpty {
            var first: [Int: Int] = [:], counts: [Int: Int] = [:]
            for (row, code) in column.codes.enumerated() where code != Null.textCode && failures[Int(code)] != nil {
                if first[Int(code)] == nil { first[Int(code)] = row }
                counts[Int(code), default: 0] += 1
            }
            let ids = leads.text("lead_id")
            for (code, row) in first.sorted(by: { $0.value < $1.value }) {
                found.append((names[code], failures[code]!.suggestions, ids?.value(at: row) ?? "row \(row + 1)", counts[code]!))
            }
        }
        unknown = found
    }

    /// One load warning per name that names no zone.
    public var warnings: [String] {
        unknown.map { ZoneMessages.unknownLeadZone($0.name, suggestions: $0.suggestions, lead: $0.lead, leads: $0.leads) }
    }
}
