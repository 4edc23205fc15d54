import LeadQuery
import LeadStore

/// Whether a statement reads `response_business`: only then does its SQL
/// count business time, and only then does an engine say which zones the
/// leads' `timezone` column names.
extension SQLPlan {
    /// Whether the plan reads `response_business` (`speed(business)`, `within(…, business)`).
    package var readsBusinessTime: Bool {
        var columns: [ColumnRef] = []
        switch statement {
        case .query(let query):
            for measure in query.measures + query.measures.flatMap(\.ratioParts) {
                Self.formula(measure.formula, into: &columns)
                if let population = measure.population { Self.predicate(population, into: &columns) }
            }
            for filter in query.filters.values { Self.predicate(filter, into: &columns) }
            for group in query.groups {
                for key in group.keys.values {
                    switch key {
                    case .column(let column), .bucket(let column, _), .ranges(let column, _): columns.append(column)
                    case .condition(let condition): Self.predicate(condition, into: &columns)
                    }
                }
            }
        case .list(let list):
            columns += list.columns + list.order.map(\.0)
            if let filter = list.filter { Self.predicate(filter, into: &columns) }
        }
        return columns.contains { $0.name == BusinessResponse.field }
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
