import Foundation

/// Which table a file is loaded as.
public enum TableRole: String, Sendable {
    case leads, touches
}

/// A field with a fixed meaning in leadq, and its type.
struct CoreField: Sendable {
    let name: String
    let kind: ColumnKind
    let required: Bool
    /// Normalized header names that stand for this field in CRM exports, best first.
    let aliases: [String]
}

extension TableRole {
    /// The fields SPEC §2 gives each table, with the header names CRMs export them under.
    var coreFields: [CoreField] {
        switch self {
        case .leads:
            [
                CoreField(name: "lead_id", kind: .text, required: true,
                          aliases: ["record_id", "leadid", "lead_record_id", "id"]),
                CoreField(name: "created_at", kind: .timestamp, required: true,
                          aliases: ["create_date", "created_date", "createddate", "created_time", "created_on",
                                    "creation_date", "created"]),
                CoreField(name: "segment", kind: .text, required: false, aliases: ["lead_segment", "market_segment"]),
                CoreField(name: "source", kind: .text, required: false,
                          aliases: ["lead_source", "original_source", "leadsource"]),
                CoreField(name: "owner", kind: .text, required: false,
                          aliases: ["contact_owner", "lead_owner", "owner_name", "ownerid"]),
                CoreField(name: "region", kind: .text, required: false, aliases: ["territory", "sales_region"]),
                CoreField(name: "qualified_at", kind: .timestamp, required: false,
                          aliases: ["qualified_date", "date_qualified"]),
                CoreField(name: "converted_at", kind: .timestamp, required: false,
                          aliases: ["converted_date", "converteddate", "conversion_date", "date_converted"]),
            ]
        case .touches:
            [
                CoreField(name: "lead_id", kind: .text, required: true, aliases: ["leadid", "lead"]),
                CoreField(name: "at", kind: .timestamp, required: true,
                          aliases: ["call_start_time", "activity_date", "start_datetime", "start_date_time",
                                    "timestamp", "activity_time", "date", "time"]),
                CoreField(name: "touch_id", kind: .text, required: false,
                          aliases: ["activity_id", "taskid", "eventid", "callid", "id"]),
                CoreField(name: "channel", kind: .text, required: false,
                          aliases: ["activity_type", "touch_type", "medium"]),
                CoreField(name: "rep", kind: .text, required: false,
                          aliases: ["call_owner", "assigned", "assigned_to", "event_owner", "activity_owner", "owner"]),
                CoreField(name: "direction", kind: .text, required: false, aliases: ["call_direction"]),
                CoreField(name: "outcome", kind: .text, required: false,
                          aliases: ["call_result", "result", "call_outcome", "disposition", "status"]),
            ]
        }
    }

    /// Headers whose values decide whether they hold the channel or the direction.
    var channelOrDirectionAliases: [String] {
        self == .touches ? ["call_type", "type"] : []
    }

    /// Names derived at load time, which no column of the file may take.
    var derivedNames: [String] {
        self == .leads ? FollowUpIndex.derivedFieldNames : []
    }
}

/// How the columns of one file map to fields.
struct HeaderMap: Sendable {
    /// One entry per CSV column.
    struct Entry: Sendable {
        var header: String
        /// The field name analysts use.
        var name: String
        /// Set when the column is one of the role's core fields.
        var core: CoreField?
        /// Set when the column is a `Call Type`-like column still to be decided.
        var channelOrDirection = false
    }

    var entries: [Entry]
    /// Fields the file lacks that `--map field=VALUE` gives one value for every row.
    var constants: [(name: String, value: String)] = []

    /// Maps `headers` for `role`; `overrides` are `--map target=Header` pairs.
    init(headers: [String], role: TableRole, overrides: [FieldMapping], file: String) throws(LoadError) {
        let normalized = headers.map(HeaderMap.normalize)
        entries = zip(headers, normalized).enumerated().map { index, pair in
            Entry(header: pair.0, name: pair.1.isEmpty ? "column_\(index + 1)" : pair.1)
        }
        var claimed = Set<Int>()
        let core = role.coreFields
        for mapping in overrides {
            let wanted = HeaderMap.normalize(mapping.header)
            guard let index = headers.indices.first(where: { headers[$0] == mapping.header })
                ?? normalized.indices.first(where: { normalized[$0] == wanted })
            else {
                // A field a whole file often shares may be given one value for every row:
                // --map channel=call for a calls export. People fields stay strict, so a
                // mistyped header for an owner or rep is still an error.
                let target = HeaderMap.normalize(mapping.target)
                if HeaderMap.constantFields.contains(target), core.contains(where: { $0.name == target }),
                   !constants.contains(where: { $0.name == target }) {
                    constants.append((target, mapping.header))
                    continue
                }
                throw LoadError(
                    file: file, line: 1,
                    message: "--map \(mapping.target)=\(mapping.header): the file has no column \"\(mapping.header)\"; its columns are \(HeaderMap.list(headers))")
            }
            let target = HeaderMap.normalize(mapping.target)
            entries[index].name = target
            entries[index].core = core.first { $0.name == target }
            claimed.insert(index)
        }
        for field in core where !entries.contains(where: { $0.core?.name == field.name })
            && !constants.contains(where: { $0.name == field.name }) {
            let candidates = [field.name] + field.aliases
            for candidate in candidates {
                if let index = normalized.indices.first(where: { !claimed.contains($0) && normalized[$0] == candidate }) {
                    entries[index].name = field.name
                    entries[index].core = field
                    claimed.insert(index)
                    break
                }
            }
        }
        for alias in role.channelOrDirectionAliases {
            if let index = normalized.indices.first(where: { !claimed.contains($0) && normalized[$0] == alias }) {
                entries[index].channelOrDirection = true
                claimed.insert(index)
                break
            }
        }
        for field in core where field.required && !entries.contains(where: { $0.core?.name == field.name }) {
            let names = HeaderMap.list(headers)
            throw LoadError(
                file: file, line: 1,
                message: "no \(field.name) column: the header has \(names); name the column with --map \(field.name)=HEADER")
        }
        makeNamesUnique(reserved: Set(role.derivedNames))
    }

    /// Renames extra columns that clash with another column or a derived field: `name_2`, `name_3`, …
    private mutating func makeNamesUnique(reserved: Set<String>) {
        var taken = reserved.union(entries.compactMap { $0.core?.name }).union(constants.map(\.name))
        for index in entries.indices where entries[index].core == nil {
            let base = entries[index].name
            var name = base
            var suffix = 2
            while taken.contains(name) {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            entries[index].name = name
            taken.insert(name)
        }
    }

    /// Fields that `--map field=VALUE` may set to one value when the file has no such column.
    static let constantFields: Set<String> = ["channel", "direction", "outcome", "source", "segment", "region"]

    /// Headers quoted for a message, at most twenty of them.
    static func list(_ headers: [String]) -> String {
        let shown = headers.prefix(20).map { "\"\($0.count > 60 ? String($0.prefix(60)) + "…" : $0)\"" }.joined(separator: ", ")
        return headers.count > 20 ? shown + " and \(headers.count - 20) more" : shown
    }

    /// A header as a field name: lower case, runs of anything but letters and
    /// digits become one `_`, none at either end (`Call Duration (in seconds)`
    /// → `call_duration_in_seconds`).
    static func normalize(_ header: String) -> String {
        var result = ""
        var pendingUnderscore = false
        for character in header.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingUnderscore && !result.isEmpty { result.append("_") }
                pendingUnderscore = false
                result.append(character)
            } else {
                pendingUnderscore = true
            }
        }
        return result
    }
}

/// `--map target=Header`: the column `Header` holds the field `target`.
public struct FieldMapping: Sendable, Equatable {
    public var target: String
    public var header: String

    public init(target: String, header: String) {
        self.target = target
        self.header = header
    }

    /// Reads `target=Header`.
    public init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        target = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        header = String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        if target.isEmpty || header.isEmpty { return nil }
    }
}
