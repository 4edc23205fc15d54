/// Lower case as leadq folds it (full Unicode rules) before `like`.
/// PostgreSQL's `lower()` follows the column's collation, and under the C
/// collation (`--no-locale` databases) it lowers ASCII letters only, so its
/// text is lowered under ICU's root collation, which every ICU-enabled server
/// has; DuckDB's and Spark's `lower()` already fold every letter.
extension Dialect {
    func lowered(_ expression: String) -> String {
        switch name {
        case .postgres: "lower((\(expression)) COLLATE \"und-x-icu\")"
        case .duckdb, .spark: "lower(\(expression))"
        }
    }
}
