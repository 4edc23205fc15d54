import LeadQuery
import LeadStore

/// The follow-up cadence's fields: `next_due_at`, made for the cadence set
/// (see `NextDue`), and the named filters `due` and `overdue`.
extension Analyzer {
    /// The filters the language names itself; a `let` of the same name wins.
    static let cadenceFilters = ["due", "overdue"]

    /// When the next follow-up is due, from the session's column for its cadence.
    func nextDueColumn() -> ColumnRef? {
        nextDue.column(store: store, cadence: settings.cadence).map { ColumnRef(name: "next_due_at", data: .timestamp($0), grain: .lead) }
    }

    /// `due` (next_due_at at or before now) or `overdue` (more than a day past), if `name` is one.
    func cadenceFilter(_ name: String) -> BoundPredicate? {
        let key = name.lowercased()
        guard Self.cadenceFilters.contains(key), definitions[key] == nil, let column = nextDueColumn() else { return nil }
        return key == "due" ? .compare(column, .lessOrEqual, Double(settings.now))
                            : .compare(column, .less, Double(settings.now - TimeScale.perDay))
    }

    /// Whether a `by` term is a condition: a comparison, a combination, a named filter or `due`/`overdue`.
    func isCondition(_ expr: Expr) -> Bool {
        if case .name(let word) = expr.kind, Self.cadenceFilters.contains(word.lowercased()), definitions[word] == nil { return true }
        return Definitions.isFilter(expr, definitions: definitions)
    }
}
