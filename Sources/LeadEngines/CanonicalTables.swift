import Foundation
import LeadEngine
import LeadSQL
import LeadStore

/// The `leads` and `touches` tables an engine reads, in canonical form: the
/// data model's column names (each file's header, alias or `--map` renamed
/// to its field), text with empty fields as null, numbers as doubles,
/// timestamps as ISO 8601 read in UTC. Written as DuckDB views over the CSV
/// files, so nothing is copied.
struct CanonicalTables {
    struct File {
        let path: String
        /// Each field and the header it is read from.
        let origins: [(field: String, header: String)]
    }

    let leads: File
    let touches: [File]
    /// The type of each field, by table.
    let leadKinds: [String: ColumnKind]
    let touchKinds: [String: ColumnKind]
    /// The zone times without an offset were read in at load, when not UTC:
    /// the views read them as UTC, so the start looks for any (`timestampCheck`).
    let wallClockZone: String?

    /// Whether the table of `grain` has `field` as a column read from its files.
    func holds(_ field: String, grain: Grain) -> Bool {
        (grain == .lead ? [leads] : touches).contains { $0.origins.contains { $0.field == field } }
    }

    init(store: LeadStore) {
        let derived = Set(FollowUpIndex.derivedFieldNames)
        let files = store.summary.files
        let leadFile = files.first { $0.role == .leads }
        leads = File(path: leadFile?.name ?? "leads.csv", origins: (leadFile?.origins ?? []).filter { !derived.contains($0.field) })
        touches = files.filter { $0.role == .touches }.map { File(path: $0.name, origins: $0.origins) }
        leadKinds = Dictionary(store.leads.columns.filter { !derived.contains($0.name) }.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        touchKinds = Dictionary(store.touches.columns.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        wallClockZone = store.summary.wallClock.zone == ZoneRules.utc.name ? nil : store.summary.wallClock.zone
    }

    /// `read_csv` of a file with every column as text.
    static func scan(_ path: String) -> String {
        "read_csv(\(Dialect.duckdb.string(path)), header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')"
    }

    /// The statements that make the tables.
    var views: String {
        let leadsView = "CREATE VIEW leads AS\n" + select(leads, kinds: leadKinds)
        // No touch file: an empty table with the touch fields, so that statements still bind and answer.
        let noTouches = "SELECT " + touchKinds.sorted { $0.key < $1.key }
            .map { "CAST(NULL AS \(Self.type($0.value))) AS \(Dialect.duckdb.identifier($0.key))" }.joined(separator: ", ") + " WHERE false"
        let touchesView = "CREATE VIEW touches AS\n"
            + (touches.isEmpty ? noTouches : touches.map { select($0, kinds: touchKinds) }.joined(separator: "\nUNION ALL BY NAME\n"))
        return "SET TimeZone = 'UTC';\n" + leadsView + ";\n" + touchesView + ";\n"
    }

    private func select(_ file: File, kinds: [String: ColumnKind]) -> String {
        let columns = file.origins.compactMap { origin -> String? in
            guard let kind = kinds[origin.field] else { return nil }
            return "  \(Self.reading(origin.header, kind: kind)) AS \(Dialect.duckdb.identifier(origin.field))"
        }
        return "SELECT\n" + columns.joined(separator: ",\n") + "\nFROM \(Self.scan(file.path))"
    }

    /// A header's text read as its field's type.
    static func reading(_ header: String, kind: ColumnKind) -> String {
        let text = "NULLIF(\(quoted(header)), '')"
        switch kind {
        case .timestamp: return "CAST(CAST(\(text) AS TIMESTAMPTZ) AS TIMESTAMP)"
        case .number, .count: return "CAST(\(text) AS DOUBLE)"
        case .duration: return "CAST(\(text) AS BIGINT)"
        case .text: return text
        }
    }

    /// The type a field's values have in the views.
    static func type(_ kind: ColumnKind) -> String {
        switch kind {
        case .timestamp: "TIMESTAMP"
        case .number, .count: "DOUBLE"
        case .duration: "BIGINT"
        case .text: "VARCHAR"
        }
    }

    static func quoted(_ header: String) -> String {
        "\"" + header.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A query over every row that finds what the in-memory load would
    /// refuse or read differently, one row (file, field, example, problem)
    /// per problem found: `iso`, a timestamp not ISO 8601; `offset`, one
    /// without an offset while `wallClockZone` is set; `direction`, a
    /// direction that names none leadq knows.
    var valueCheck: String {
        var parts: [String] = []
        for (role, file, kinds) in [("leads", leads, leadKinds)] + touches.map({ ("touches", $0, touchKinds) }) {
            for origin in file.origins {
                let header = Self.quoted(origin.header)
                var problems: [(String, String)] = []
                if kinds[origin.field] == .timestamp {
                    problems.append(("iso", "TRY_CAST(\(header) AS TIMESTAMPTZ) IS NULL"))
                    if wallClockZone != nil {
                        problems.append(("offset", "NOT regexp_matches(\(header), \(Dialect.duckdb.string(Self.offsetPattern)), 'i')"))
                    }
                }
                if role == "touches", origin.field == "direction", kinds[origin.field] == .text {
                    problems.append(("direction", Self.unknownDirection(header)))
                }
                for (problem, condition) in problems {
                    parts.append("""
                        SELECT \(Dialect.duckdb.string(file.path)) AS file, \(Dialect.duckdb.string(origin.field)) AS field, min(\(header)) AS example, '\(problem)' AS problem
                        FROM \(Self.scan(file.path))
                        WHERE NULLIF(\(header), '') IS NOT NULL AND \(condition)
                        HAVING count(*) > 0
                        """)
                }
            }
        }
        return parts.isEmpty ? "SELECT NULL AS file WHERE false;\n" : parts.joined(separator: "\nUNION ALL\n") + ";\n"
    }

    /// Whether a direction's text names no direction leadq knows (a blank one is outbound).
    static func unknownDirection(_ value: String) -> String {
        let words = TouchDirection.knownWords.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")
        return "trim(\(value)) <> '' AND lower(trim(\(value))) NOT IN (\(words))"
    }

    /// An ISO 8601 timestamp that names its instant, as the in-memory reading
    /// tells one (case aside): after the date, a `Z`, a sign, or a closing `UTC` or `GMT`.
    static let offsetPattern = #"^\s*.{10}(.*[z+-]|.*(utc|gmt)\s*$)"#
}
