import LeadEngine
import LeadQuery
import LeadStore

/// Measures as aggregates. A measure's population (grace, follow-ups only)
/// is a `FILTER (WHERE …)` on each aggregate it is made of. Quantiles are
/// `percentile_cont`: over the n values in order, the value at position
/// (n − 1) × fraction, interpolated linearly between the two nearest,
/// which is how the in-memory engine computes medians and percentiles.
extension SQLWriter {
    /// The aggregate that computes a formula, in the engine's units.
    func aggregate(_ formula: Formula, population: BoundPredicate?) -> String {
        let population = population.map(predicate)
        func filtered(_ aggregate: String, _ condition: String? = nil) -> String {
            guard let where_ = conjunction([condition, population].compactMap { $0 }) else { return aggregate }
            return "\(aggregate) FILTER (WHERE \(where_))"
        }
        switch formula {
        case .count(nil): return filtered("count(*)")
        case .count(let condition?): return filtered("count(*)", predicate(condition))
        case .countValues(let ref): return filtered("count(\(value(ref)))")
        case .share(let condition): return filtered("avg(CASE WHEN \(predicate(condition)) THEN 1 ELSE 0 END)")
        case .sum(let ref): return filtered("sum(\(value(ref)))")
        case .mean(let ref): return filtered("avg(\(value(ref)))")
        case .quantile(let ref, let fraction): return filtered(dialect.percentile(Self.number(fraction), value(ref)))
        case .minimum(let ref): return filtered("min(\(value(ref)))")
        case .maximum(let ref): return filtered("max(\(value(ref)))")
        case .distinct(let ref): return filtered("count(DISTINCT \(value(ref)))")
        case .quotient(let a, let b):
            let numerator = aggregate(a, population: nil), denominator = aggregate(b, population: nil)
            return "CAST(\(numerator) AS \(dialect.doubleType)) / NULLIF(\(denominator), 0)"
        }
    }

    /// What a measure with no rows in a group is: zero for counts, else null.
    func emptyValue(_ formula: Formula, _ alias: String) -> String {
        switch formula {
        case .count, .countValues, .distinct: "coalesce(\(alias), 0)"
        default: alias
        }
    }

    /// A value as the result shows it: durations in hours, timestamps as timestamps.
    func presented(_ expression: String, kind: ValueKind) -> String {
        switch kind {
        case .duration: "\(expression) / \(dialect.doubleLiteral("3600000"))"
        case .timestamp: dialect.fromMillis(expression)
        case .bucket(let unit): bucketStart(expression, unit)
        case .boolean: "\(expression) = 1"
        case .labels(let labels):
            "CASE \(expression) " + labels.enumerated().map { "WHEN \($0) THEN \(dialect.string($1)) " }.joined() + "END"
        default: expression
        }
    }

    /// A group key's value in one grain.
    func key(_ key: BoundKey) -> String {
        switch key {
        case .column(let ref): value(ref)
        case .bucket(let ref, let unit): bucket(ref, unit)
        case .ranges(let ref, let bounds):
            "CASE " + bounds.bounds.enumerated().map { "WHEN \(value(ref)) < \(Self.number($1)) THEN \($0) " }.joined()
                + "WHEN \(value(ref)) IS NOT NULL THEN \(bounds.bounds.count) END"
        case .condition(let condition): "CASE WHEN \(predicate(condition)) THEN 1 WHEN NOT (\(predicate(condition))) THEN 0 END"
        }
    }
}
