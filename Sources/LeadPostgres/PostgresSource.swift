/// Where one table's rows come from in the database: a table or view by
/// name (`--leads-table`), or any query (`--leads-query`).
public enum PostgresSource: Sendable, Equatable {
    /// A table or view, written as in SQL (`crm.leads`, `"Leads"`).
    case table(String)
    /// A `SELECT` (or `TABLE`, `VALUES`, `WITH …`) statement.
    case query(String)

    /// The statement whose rows are copied out.
    package var select: String {
        switch self {
        case .table(let name): "SELECT * FROM \(name)"
        case .query(let text): Self.trimmed(text)
        }
    }

    /// What messages call the rows, after the database's name.
    var label: String {
        switch self {
        case .table(let name): "table \(name)"
        case .query: "query"
        }
    }

    /// The statement without surrounding blanks and trailing semicolons, to go inside `COPY (…)`.
    static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last == ";" || last.isWhitespace { text = text.dropLast() }
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        return String(text)
    }
}
