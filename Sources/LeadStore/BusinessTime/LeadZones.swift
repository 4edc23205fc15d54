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
    /// The names that name no zone, each with its first lead and how many
    /// leads have it, in the order of their first lead.
    public let unknown: [(name: String, lead: String, leads: Int)]
    /// The nearest zone names to the first unknown name.
    public let suggestions: [String]

    public init(_ leads: Table) {
        guard let column = leads.text(Self.field) else {
            codes = nil
            rulesByCode = []
            unknown = []
            suggestions = []
            return
        }
        codes = column.codes
        let names = column.dictionary.values
        var directory: ZoneDirectory?
        let rules = Self.rules(names, directory: &directory)
        let failed = Set(names.indices.filter { rules[$0] == nil && !names[$0].trimmingCharacters(in: .whitespaces).isEmpty })
        rulesByCode = rules
        var found: [(name: String, lead: String, leads: Int)] = []
        if !failed.isEmpty {
            var first: [Int: Int] = [:], counts: [Int: Int] = [:]
            for (row, code) in column.codes.enumerated() where code != Null.textCode && failed.contains(Int(code)) {
                if first[Int(code)] == nil { first[Int(code)] = row }
                counts[Int(code), default: 0] += 1
            }
            let ids = leads.text("lead_id")
            for (code, row) in first.sorted(by: { $0.value < $1.value }) {
                found.append((names[code].trimmingCharacters(in: .whitespaces), ids?.value(at: row) ?? "row \(row + 1)", counts[code]!))
            }
        }
        unknown = found
        suggestions = found.first.map { directory?.unknown($0.name).suggestions ?? [] } ?? []
    }

    /// The zone each of a `timezone` column's values names, as business
    /// hours read it: trimmed, UTC or a fixed offset, else a tz database name
    /// in any case; nil for an empty value or a name that names none.
    public static func rules(_ names: [String]) -> [ZoneRules?] {
        var directory: ZoneDirectory?
        return rules(names, directory: &directory)
    }

    private static func rules(_ names: [String], directory: inout ZoneDirectory?) -> [ZoneRules?] {
        names.map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if let zone = ZoneRules.direct(trimmed) { return zone }
            if trimmed.isEmpty { return nil }
            if directory == nil { directory = ZoneDirectory() }
            return directory!.caseless(trimmed)
        }
    }

    /// One load warning for all the names that name no zone: the first, its
    /// first lead, and how many more names and leads there are.
    public var warnings: [String] {
        guard let first = unknown.first else { return [] }
        let rest = unknown.dropFirst()
        return [ZoneMessages.unknownLeadZone(first.name, suggestions: suggestions, lead: first.lead, leads: first.leads,
                                             otherNames: rest.count, otherLeads: rest.reduce(0) { $0 + $1.leads })]
    }
}
