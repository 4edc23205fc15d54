import LeadEngine
import LeadPostgres
import LeadSQL
import LeadStore

/// The `leads` and `touches` tables the compiled SQL reads, in canonical
/// form, as temporary views over the tables (or queries) the data came from:
/// each column renamed to its field as the header aliases and `--map` read
/// it, empty text as null, numbers as double precision, timestamps as
/// `timestamptz` (text without an offset read in UTC, the session's zone).
struct PostgresTables {
    struct Source {
        let select: String
        /// Each field and the column it is read from.
        let origins: [(field: String, header: String)]
        let kinds: [String: ColumnKind]
    }

    let leads: Source
    let touches: Source?
    /// The touch fields, for an empty `touches` when the data has none.
    let touchFields: [(name: String, kind: ColumnKind)]
    /// As `CanonicalTables.wallClockZone`: times without an offset were read there at load.
    let wallClockZone: String?

    init(leads: PostgresSource, touches: PostgresSource?, store: LeadStore) {
        let derived = Set(FollowUpIndex.derivedFieldNames)
        let files = store.summary.files
        let leadKinds = Dictionary(store.leads.columns.filter { !derived.contains($0.name) }.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let touchKinds = Dictionary(store.touches.columns.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let leadOrigins = (files.first { $0.role == .leads }?.origins ?? []).filter { !derived.contains($0.field) }
        self.leads = Source(select: leads.select, origins: leadOrigins, kinds: leadKinds)
        touchFields = store.touches.columns.map { ($0.name, $0.kind) }
        wallClockZone = store.summary.wallClock.zone == ZoneRules.utc.name ? nil : store.summary.wallClock.zone
        let touchFile = files.first { $0.role == .touches }
        self.touches = touchFile.map { file in
            Source(select: (touches ?? .table("touches")).select, origins: file.origins, kinds: touchKinds)
        }
    }

    /// The statements that make the views (an empty `touches` when there is no touch table).
    var views: String {
        let emptyTouches = "SELECT " + touchFields.map { "CAST(NULL AS \(Self.type($0.kind))) AS \(Dialect.postgres.identifier($0.name))" }
            .joined(separator: ", ") + " WHERE false"
        return "CREATE TEMPORARY VIEW leads AS\n" + select(leads) + ";\n"
            + "CREATE TEMPORARY VIEW touches AS\n" + (touches.map(select) ?? emptyTouches) + ";\n"
    }

    private func select(_ source: Source) -> String {
        let columns = source.origins.compactMap { origin -> String? in
            guard let kind = source.kinds[origin.field] else { return nil }
            return "  \(Self.reading(origin.header, kind: kind)) AS \(Dialect.postgres.identifier(origin.field))"
        }
        return "SELECT\n" + columns.joined(separator: ",\n") + "\nFROM (\(source.select)) AS source"
    }

    /// A column's value as text, empty as null.
    static func text(_ header: String) -> String {
        "NULLIF(CAST(source.\(quoted(header)) AS text), '')"
    }

    /// A column read as its field's type.
    static func reading(_ header: String, kind: ColumnKind) -> String {
        switch kind {
        case .timestamp: "CAST(\(text(header)) AS timestamptz)"
        case .number, .count: "CAST(\(text(header)) AS double precision)"
        case .duration: "CAST(\(text(header)) AS bigint)"
        case .text: "\(text(header)) COLLATE \"C\""
        }
    }

    static func type(_ kind: ColumnKind) -> String {
        switch kind {
        case .timestamp: "timestamptz"
        case .number, .count: "double precision"
        case .duration: "bigint"
        case .text: "text"
        }
    }

    static func quoted(_ header: String) -> String {
        "\"" + header.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// ISO 8601: a date, then a time, then an offset, each part optional after the date.
    static let isoPattern = #"^\s*\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?)?\s*([Zz]|[+-]\d{2}(:?\d{2})?)?\s*$"#

    /// A query that finds what the in-memory load would refuse or read
    /// differently, as `CanonicalTables.valueCheck` does: (field, example,
    /// problem) rows, at most one per problem and column.
    var valueCheck: String? {
        var parts: [String] = []
        for (role, source) in [("leads", leads)] + (touches.map { [("touches", $0)] } ?? []) {
            for origin in source.origins {
                let value = Self.text(origin.header)
                var problems: [(String, String)] = []
                if source.kinds[origin.field] == .timestamp {
                    problems.append(("iso", "\(value) !~ \(Dialect.postgres.string(Self.isoPattern))"))
                    if wallClockZone != nil {
                        problems.append(("offset", "\(value) !~* \(Dialect.postgres.string(CanonicalTables.offsetPattern))"))
                    }
                }
                if role == "touches", origin.field == "direction", source.kinds[origin.field] == .text {
                    problems.append(("direction", CanonicalTables.unknownDirection(value)))
                }
                for (problem, condition) in problems {
                    parts.append("""
                        (SELECT \(Dialect.postgres.string(origin.field)) AS field, \(value) AS example, '\(problem)' AS problem
                        FROM (\(source.select)) AS source
                        WHERE \(value) IS NOT NULL AND \(condition)
                        LIMIT 1)
                        """)
                }
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\nUNION ALL\n")
    }
}
