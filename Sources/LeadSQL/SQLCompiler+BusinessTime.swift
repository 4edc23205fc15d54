import LeadEngine
import LeadQuery
import LeadStore

/// Business time in SQL is counted in the session's zone (see
/// `SQLWriter+Business`); leads with their own zone (a `timezone` column)
/// are counted in memory only, and `| sql` and the engines refuse them by
/// name rather than compile something else.
extension SQLCompiler {
    /// Whether the plan reads `response_business` (`speed(business)`, `within(…, business)`).
    static func readsBusinessTime(_ plan: SQLPlan) -> Bool {
        var columns: [ColumnRef] = []
        switch plan.statement {
        case .query(let query):
            for measure in query.measures + query.measures.flatMap(\.ratioParts) {
                formula(measure.formula, into: &columns)
                if let population = measure.population { predicate(population, into: &columns) }
            }
            for filter in query.filters.values { predicate(filter, into: &columns) }
            for group in query.groups {
                for key in group.keys.values {
                    switch key {
                    case .column(let column), .bucket(let column, _), .ranges(let column, _): columns.append(column)
                    case .condition(let condition): predicate(condition, into: &columns)
                    }
                }
            }
        case .list(let list):
            columns += list.columns + list.order.map(\.0)
            if let filter = list.filter { predicate(filter, into: &columns) }
        }
        return columns.contains { $0.name == BusinessResponse.field }
    }

    /// An error when business time would be counted in each lead's own zone.
    static func refusePerLeadZones(_ plan: SQLPlan) throws(Diagnostic) {
        guard plan.leadColumns.contains(LeadZones.field) else { return }
        throw Diagnostic(.error, SQLMessages.notCompiled(SQLMessages.perLeadZones), at: SourceRange(start: 0, end: 0, line: 1, column: 1))
    }

    private static func formula(_ formula: Formula, into columns: inout [ColumnRef]) {
        switch formula {
        case .count(let condition): if let condition { predicate(condition, into: &columns) }
        case .share(let condition): predicate(condition, into: &columns)
        case .countValues(let column), .sum(let column), .mean(let column), .quantile(let column, _),
             .minimum(let column), .maximum(let column), .distinct(let column):
            columns.append(column)
        case .quotient(let a, let b):
            self.formula(a, into: &columns)
            self.formula(b, into: &columns)
        }
    }

    private static func predicate(_ predicate: BoundPredicate, into columns: inout [ColumnRef]) {
        switch predicate {
        case .always, .followUp: break
        case .textTruth(let column, _, _, _), .compare(let column, _, _), .range(let column, _, _), .isNull(let column, _):
            columns.append(column)
        case .not(let inner): self.predicate(inner, into: &columns)
        case .and(let a, let b), .or(let a, let b):
            self.predicate(a, into: &columns)
            self.predicate(b, into: &columns)
        }
    }
}
