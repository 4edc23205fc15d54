import LeadEngine

/// What differs between the SQL of PostgreSQL, DuckDB and Spark, as data:
/// quoting, types, how a timestamp becomes epoch milliseconds and back, the
/// percentile aggregate, integer series, byte-order text. The compiler writes
/// one statement shape and asks the dialect for each of these pieces.
///
/// Timestamps: PostgreSQL's columns are `timestamptz`; DuckDB's and Spark's
/// are `TIMESTAMP` values in UTC (the session time zone is UTC on Spark).
/// Local time in a zone is a timestamp without zone that reads the
/// wall-clock time (`AT TIME ZONE`, `timezone()`, `from_utc_timestamp`), so
/// no answer depends on the engine's own zone setting.
public struct Dialect: Sendable {
    public let name: SQLDialectName
    /// `"name"` or `` `name` ``.
    let quote: Character
    /// The type of a floating-point result.
    let doubleType: String
    let integerType: String
    let textType: String
    /// Epoch milliseconds of a timestamp expression, as a whole number.
    let epochMillis: @Sendable (String) -> String
    /// The timestamp of an epoch-milliseconds expression.
    let fromMillis: @Sendable (String) -> String
    /// The start of a month in UTC: year and month expressions.
    let monthStart: @Sendable (String, String) -> String
    /// A timestamp expression read in UTC, for `extract`.
    let utc: @Sendable (String) -> String
    /// The wall-clock time of a timestamp expression in a zone (an IANA name), as a timestamp read in UTC.
    let local: @Sendable (String, String) -> String
    /// The timestamp of wall-clock epoch milliseconds, without zone.
    let wallFromMillis: @Sendable (String) -> String
    /// The start of a month in wall-clock time: year and month expressions.
    let wallMonthStart: @Sendable (String, String) -> String
    /// A calendar field of a timestamp as a number: PostgreSQL's `date_part`
    /// is a double, where its `extract` computes in `numeric`, several times slower.
    let datePart: @Sendable (String, String) -> String
    /// A literal moment, from its ISO text without zone (`2026-03-01 00:00:00`).
    let timestampLiteral: @Sendable (String) -> String
    /// `percentile_cont(f) WITHIN GROUP (ORDER BY x)`: the fraction and the values.
    let percentile: @Sendable (String, String) -> String
    /// A table of whole numbers from one expression to another, in a select list.
    let series: @Sendable (String, String) -> String
    /// Text compared and sorted by its bytes.
    let bytes: @Sendable (String) -> String
    /// A floating-point literal (`3600000.0`, or `3600000D` where `.0` would be a decimal).
    let doubleLiteral: @Sendable (String) -> String
    /// Equality that holds between two nulls.
    let sameKey: @Sendable (String, String) -> String

    public static func named(_ name: SQLDialectName) -> Dialect {
        switch name {
        case .postgres: postgres
        case .duckdb: duckdb
        case .spark: spark
        }
    }

    public static let postgres = Dialect(
        name: .postgres, quote: "\"", doubleType: "double precision", integerType: "integer", textType: "text",
        epochMillis: { "round(date_part('epoch', \($0)) * 1000)" },
        fromMillis: { "to_timestamp(\($0) / 1000.0)" },
        monthStart: { "make_timestamptz(\($0), \($1), 1, 0, 0, 0, 'UTC')" },
        utc: { "(\($0) AT TIME ZONE 'UTC')" },
        local: { "(\($0) AT TIME ZONE \(zoneName($1)))" },
        wallFromMillis: { "(to_timestamp(\($0) / 1000.0) AT TIME ZONE 'UTC')" },
        wallMonthStart: { "make_timestamp(\($0), \($1), 1, 0, 0, 0)" },
        datePart: { "date_part('\($0)', \($1))" },
        timestampLiteral: { "TIMESTAMPTZ '\($0)+00'" },
        percentile: { "percentile_cont(\($0)) WITHIN GROUP (ORDER BY \($1))" },
        series: { "generate_series(\($0), \($1))" },
        bytes: { "\($0) COLLATE \"C\"" },
        doubleLiteral: { $0.contains(".") ? $0 : $0 + ".0" },
        sameKey: { "\($0) IS NOT DISTINCT FROM \($1)" })

    public static let duckdb = Dialect(
        name: .duckdb, quote: "\"", doubleType: "DOUBLE", integerType: "INTEGER", textType: "VARCHAR",
        epochMillis: { "epoch_ms(\($0))" },
        fromMillis: { "epoch_ms(CAST(\($0) AS BIGINT))" },
        monthStart: { "make_timestamp(\($0), \($1), 1, 0, 0, 0)" },
        utc: { $0 },
        local: { "timezone(\(zoneName($1)), timezone('UTC', \($0)))" },
        wallFromMillis: { "epoch_ms(CAST(\($0) AS BIGINT))" },
        wallMonthStart: { "make_timestamp(\($0), \($1), 1, 0, 0, 0)" },
        datePart: { "extract(\($0) FROM \($1))" },
        timestampLiteral: { "TIMESTAMP '\($0)'" },
        percentile: { "percentile_cont(\($0)) WITHIN GROUP (ORDER BY \($1))" },
        series: { "unnest(generate_series(\($0), \($1)))" },
        bytes: { $0 },
        doubleLiteral: { $0.contains(".") ? $0 : $0 + ".0" },
        sameKey: { "\($0) IS NOT DISTINCT FROM \($1)" })

    public static let spark = Dialect(
        name: .spark, quote: "`", doubleType: "DOUBLE", integerType: "INT", textType: "STRING",
        epochMillis: { "unix_millis(\($0))" },
        fromMillis: { "timestamp_millis(CAST(\($0) AS BIGINT))" },
        monthStart: { "make_timestamp(\($0), \($1), 1, 0, 0, 0)" },
        utc: { $0 },
        local: { "from_utc_timestamp(\($0), \(zoneName($1)))" },
        wallFromMillis: { "timestamp_millis(CAST(\($0) AS BIGINT))" },
        wallMonthStart: { "make_timestamp(\($0), \($1), 1, 0, 0, 0)" },
        datePart: { "extract(\($0) FROM \($1))" },
        timestampLiteral: { "TIMESTAMP '\($0)'" },
        percentile: { "percentile_cont(\($0)) WITHIN GROUP (ORDER BY \($1))" },
        series: { "explode(sequence(\($0), \($1)))" },
        bytes: { $0 },
        doubleLiteral: { ($0.hasSuffix(".0") ? String($0.dropLast(2)) : $0) + "D" },
        sameKey: { "\($0) <=> \($1)" })

    /// A zone name as a text literal (IANA names and `UTC` hold no quotes or backslashes).
    static func zoneName(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Words that must be quoted to stand as a column name.
    static let reserved: Set<String> = [
        "all", "and", "as", "asc", "between", "by", "case", "cast", "desc", "distinct", "else", "end", "from", "group",
        "having", "in", "is", "limit", "not", "null", "or", "order", "select", "table", "then", "to", "user", "when", "where",
        "with",
    ]

    /// A column or alias name, quoted when it is not a plain lower-case word.
    package func identifier(_ name: String) -> String {
        let plain = name.first.map { $0 == "_" || ($0.isASCII && $0.isLowercase) } == true
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }
        if plain && !Self.reserved.contains(name) { return name }
        return quoted(name)
    }

    /// A column name, always quoted: safe for any word, reserved in any engine or not.
    package func quoted(_ name: String) -> String {
        let doubled = String(quote) + String(quote)
        return String(quote) + name.replacingOccurrences(of: String(quote), with: doubled) + String(quote)
    }

    /// A text literal (Spark reads backslashes in literals as escapes).
    package func string(_ text: String) -> String {
        let escaped = name == .spark ? text.replacingOccurrences(of: "\\", with: "\\\\") : text
        return "'" + escaped.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
