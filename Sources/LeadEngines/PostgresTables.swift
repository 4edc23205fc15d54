import LeadEngine
import LeadPostgres
import LeadSQL
import LeadStore

/// The `leads` and `touches` tables the compiled SQL reads, in canonical
/// form, as temporary views over the tables (or queries) the data came from:
/// each column renamed to its field as the header aliases and `--map` read
/// it, empty text as null, numbers as double precision, timestamps as
/// `timestamptz` (text without an offset read in UTC, the session's zone).
/// A column whose own type already is its field's (a `timestamptz`, a
/// number, text) is read as it is, not written out as text and read back.
struct PostgresTables {
    struct Source {
        let select: String
        /// Each field and the column it is read from.
        let origins: [(field: String, header: String)]
        let kinds: [String: ColumnKind]
        /// The server's type of each column (its oid), by column name; empty when not known.
        let types: [String: UInt32]
    }

    let leads: Source
    let touches: Source?
    /// The touch fields, for an empty `touches` when the data has none.
    let touchFields: [(name: String, kind: ColumnKind)]
    /// As `CanonicalTables.wallClockZone`: times without an offset were read there at load.
    let wallClockZone: String?

    /// `types` gives the columns' types of a query (empty when it cannot tell).
    init(leads: PostgresSource, touches: PostgresSource?, store: LeadStore, types: (String) -> [String: UInt32] = { _ in [:] }) {
        let derived = Set(FollowUpIndex.derivedFieldNames)
        let files = store.summary.files
        let leadKinds = Dictionary(store.leads.columns.filter { !derived.contains($0.name) }.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let touchKinds = Dictionary(store.touches.columns.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let leadOrigins = (files.first { $0.role == .leads }?.origins ?? []).filter { !derived.contains($0.field) }
        self.leads = Source(select: leads.select, origins: leadOrigins, kinds: leadKinds, types: types(leads.select))
        touchFields = store.touches.columns.map { ($0.name, $0.kind) }
        wallClockZone = store.summary.wallClock.zone == ZoneRules.utc.name ? nil : store.summary.wallClock.zone
        let touchFile = files.first { $0.role == .touches }
        self.touches = touchFile.map { file in
            let select = (touches ?? .table("touches")).select
            return Source(select: select, origins: file.origins, kinds: touchKinds, types: types(select))
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
            return "  \(Self.reading(origin.header, kind: kind, type: source.types[origin.header])) AS \(Dialect.postgres.identifier(origin.field))"
        }
        return "SELECT\n" + columns.joined(separator: ",\n") + "\nFROM (\(source.select)) AS source"
    }

    /// A column's value as text, empty as null.
    static func text(_ header: String) -> String {
        "NULLIF(CAST(source.\(quoted(header)) AS text), '')"
    }

    /// Type oids of the server's own types.
    enum ServerType {
        static let timestamps: Set<UInt32> = [1184, 1114, 1082]  // timestamptz, timestamp, date
        static let withZone: UInt32 = 1184
        static let numbers: Set<UInt32> = [20, 21, 23, 700, 701, 1700]  // int8, int2, int4, float4, float8, numeric
        static let integers: Set<UInt32> = [20, 21, 23]
        static let texts: Set<UInt32> = [25, 1043]  // text, varchar
    }

    /// A column read as its field's type: straight from the column when its
    /// type is the field's already (a `timestamp` or `date` read in UTC, as its
    /// text would be), through its text otherwise.
    static func reading(_ header: String, kind: ColumnKind, type: UInt32? = nil) -> String {
        let column = "source.\(quoted(header))"
        switch kind {
        case .timestamp where type.map(ServerType.timestamps.contains) == true: return "CAST(\(column) AS timestamptz)"
        case .number where type.map(ServerType.numbers.contains) == true,
             .count where type.map(ServerType.numbers.contains) == true:
            return "CAST(\(column) AS double precision)"
        case .duration where type.map(ServerType.integers.contains) == true: return "CAST(\(column) AS bigint)"
        case .text where type.map(ServerType.texts.contains) == true: return "NULLIF(\(column), '') COLLATE \"C\""
        case .timestamp: return "CAST(\(text(header)) AS timestamptz)"
        case .number, .count: return "CAST(\(text(header)) AS double precision)"
        case .duration: return "CAST(\(text(header)) AS bigint)"
        case .text: return "\(text(header)) COLLATE \"C\""
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
                let type = source.types[origin.header]
                if source.kinds[origin.field] == .timestamp {
                    if type.map(ServerType.timestamps.contains) == true {
                        // Written out, a timestamp type is ISO 8601 unless it is infinite or outside years 1 to 9999.
                        let moment = "CAST(source.\(Self.quoted(origin.header)) AS timestamptz)"
                        problems.append(("iso", "(NOT isfinite(\(moment)) OR \(moment) < TIMESTAMPTZ '0001-01-01 00:00:00+00' "
                            + "OR \(moment) >= TIMESTAMPTZ '10000-01-01 00:00:00+00')"))
                    } else {
                        problems.append(("iso", "\(value) !~ \(Dialect.postgres.string(Self.isoPattern))"))
                    }
                    // A timestamptz names its instant; other timestamps are looked at for an offset.
                    if wallClockZone != nil, type != ServerType.withZone {
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
