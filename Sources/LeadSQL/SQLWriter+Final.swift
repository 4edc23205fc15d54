import LeadEngine
import LeadQuery
import LeadStore

/// The outer select of a query: the result's columns as they are shown,
/// `having` on the values in the engine's units, the order and the limit.
/// Result columns are named by position: the group keys, then the measures
/// (hidden ones included), as the analyzer numbers them.
extension SQLWriter {
    func final(_ query: BoundQuery, keys: [String], from source: String) -> String {
        let aliases = keys + query.measures.indices.map { "m\($0 + 1)" }
        let shown = query.groups.enumerated().map { index, group in
            "\(presented(keys[index], kind: group.kind)) AS \(dialect.identifier(group.name))"
        } + query.measures.enumerated().filter { !$0.element.hidden }.map { index, measure in
            "\(presented("m\(index + 1)", kind: measure.kind)) AS \(dialect.identifier(measure.name))"
        }
        var order = resultOrder(query, keys: keys)
        var text = "SELECT " + shown.joined(separator: ",\n  ") + "\nFROM " + rowwise(query, keys: keys, from: source, order: order)
        if let having = query.having { text += "\nWHERE " + condition(having, aliases: aliases) }
        if query.measures.contains(where: { $0.rowwise != nil }) { order = [Self.rowPosition] }
        if !order.isEmpty { text += "\nORDER BY " + order.joined(separator: ", ") }
        if let limit = query.limit { text += "\nLIMIT \(limit)" }
        return text
    }

    /// The result's order: the `order by` keys, then the groups ascending.
    func resultOrder(_ query: BoundQuery, keys: [String]) -> [String] {
        let aliases = keys + query.measures.indices.map { "m\($0 + 1)" }
        let kinds = query.groups.map(\.kind) + query.measures.map(\.kind)
        var order: [String] = []
        for key in query.order {
            order += sortKeys(aliases[key.column], kind: kinds[key.column], descending: key.descending)
        }
        for (index, group) in query.groups.enumerated() {
            order += sortKeys(keys[index], kind: group.kind, descending: false)
        }
        return order
    }

    /// Sort keys for one column: nulls last either way; text case-insensitively, then by bytes.
    private func sortKeys(_ alias: String, kind: ValueKind, descending: Bool) -> [String] {
        let direction = descending ? "DESC" : "ASC"
        guard kind == .text else { return ["\(alias) \(direction) NULLS LAST"] }
        return ["lower(\(alias)) \(direction) NULLS LAST", "\(dialect.bytes(alias)) \(direction) NULLS LAST"]
    }

    /// A `having` filter over the result's columns.
    func condition(_ predicate: ResultPredicate, aliases: [String]) -> String {
        switch predicate {
        case .and(let a, let b): return "(\(condition(a, aliases: aliases))) AND (\(condition(b, aliases: aliases)))"
        case .or(let a, let b): return "(\(condition(a, aliases: aliases))) OR (\(condition(b, aliases: aliases)))"
        case .not(let a): return "NOT (\(condition(a, aliases: aliases)))"
        case .isNull(let column, let negated): return "\(aliases[column]) IS \(negated ? "NOT " : "")NULL"
        case .compare(let column, let op, .text(let value)):
            return "\(dialect.bytes(aliases[column])) \(op.sqlText) \(dialect.string(value))"
        case .compare(let column, let op, .number(let value)):
            return "\(aliases[column]) \(op.sqlText) \(Self.number(value))"
        }
    }
}
