import LeadQuery
import LeadStore

/// The follow-up cadence's fields: `next_due_at`, computed per statement
/// from the cadence set, and the named filters `due` and `overdue`.
extension Analyzer {
    /// The filters the language names itself; a `let` of the same name wins.
    static let cadenceFilters = ["due", "overdue"]

    /// When the next follow-up is due: the cadence's gap after the last
    /// follow-up (after `created_at` for the first); null once the lead is
    /// converted or has had every follow-up of the cadence.
    func nextDueColumn() -> ColumnRef? {
        guard let created = store.leads.timestamps("created_at"), let followups = store.leads["followups"],
              case .count(let counts) = followups.data, let last = store.leads.timestamps("last_followup_at") else { return nil }
        let converted = store.leads.timestamps("converted_at")
        let cadence = settings.cadence
        var due = [Int64](repeating: Null.timestamp, count: created.count)
        for lead in due.indices {
            let done = Int(counts[lead])
            guard done < cadence.count, converted.map({ $0[lead] == Null.timestamp }) ?? true else { continue }
            let from = done == 0 ? created[lead] : last[lead]
            if from != Null.timestamp { due[lead] = from + cadence[done] }
        }
        return ColumnRef(name: "next_due_at", data: .timestamp(due), grain: .lead)
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
