import LeadEngine
import LeadQuery
import LeadStore

/// Columns, literals and filters. A lead column is read from `lead_facts l`
/// (also from touch rows, through the touch's lead); a touch column from
/// `touches t`. Filters keep SQL's three-valued logic, which is the
/// in-memory engine's: a comparison with null is unknown and not selected.
extension SQLWriter {
    /// The column as stored.
    func column(_ column: ColumnRef) -> String {
        (column.grain == .touch ? "t." : "l.") + dialect.identifier(column.name)
    }

    /// The column as a number in the engine's units: timestamps in epoch milliseconds.
    func value(_ ref: ColumnRef) -> String {
        if case .timestamp = ref.data { return dialect.epochMillis(column(ref)) }
        return column(ref)
    }

    /// A moment in epoch milliseconds, as a timestamp literal.
    func timestamp(_ moment: Int64) -> String {
        let iso = CivilDate.iso8601(moment)
        return dialect.timestampLiteral(iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ""))
    }

    /// The SQL of a filter, parenthesized where it combines others.
    func predicate(_ predicate: BoundPredicate) -> String {
        switch predicate {
        case .always(let value): return value ? "TRUE" : "FALSE"
        case .followUp: return "(\(isFollowUp(touch: "t", lead: "l")))"
        case .isNull(let ref, let negated): return "\(column(ref)) IS \(negated ? "NOT " : "")NULL"
        case .range(let ref, let lower, let upper):
            return "\(column(ref)) >= \(timestamp(lower)) AND \(column(ref)) < \(timestamp(upper))"
        case .compare(let ref, let op, let constant):
            if case .timestamp = ref.data { return "\(column(ref)) \(op.rawValue) \(timestamp(Int64(constant)))" }
            return "\(column(ref)) \(op.rawValue) \(Self.number(constant))"
        case .textTruth(let ref, _, _, let test):
            switch test {
            case .compare(let op, let text) where op == .equal || op == .notEqual:
                return "\(column(ref)) \(op.sqlText) \(dialect.string(text))"
            case .compare(let op, let text):
                return "\(dialect.bytes(column(ref))) \(op.rawValue) \(dialect.string(text))"
            case .oneOf(let values):
                guard !values.isEmpty else { return "FALSE" }
                return "\(column(ref)) IN (\(values.map(dialect.string).joined(separator: ", ")))"
            case .anyCaseOf(let words):
                guard !words.isEmpty else { return "FALSE" }
                return "lower(\(column(ref))) IN (\(words.map(dialect.string).joined(separator: ", ")))"
            case .like(let pattern):
                return "\(dialect.lowered(column(ref))) LIKE \(dialect.string(pattern.lowercased()))"
            }
        case .not(let inner): return "NOT (\(self.predicate(inner)))"
        case .and(let a, let b): return "(\(self.predicate(a))) AND (\(self.predicate(b)))"
        case .or(let a, let b): return "(\(self.predicate(a))) OR (\(self.predicate(b)))"
        }
    }

    /// Filters joined by `AND`, each parenthesized when there are several.
    func conjunction(_ parts: [String]) -> String? {
        guard parts.count > 1 else { return parts.first }
        return parts.map { "(\($0))" }.joined(separator: " AND ")
    }
}

extension ComparisonOperator {
    /// `=` and `<>`, as SQL writes them; the others as the language does.
    var sqlText: String { self == .notEqual ? "<>" : rawValue }
}
