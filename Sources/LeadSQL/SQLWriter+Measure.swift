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

    /// The bucket number of a timestamp column (the in-memory engine's numbering).
    func bucket(_ ref: ColumnRef, _ unit: TimeUnit) -> String {
        let millis = value(ref)
        let utc = dialect.utc(column(ref))
        let weekOrigin = plan.buckets.weekStartsOnSunday ? "259200000" : "345600000"
        switch unit {
        case .hour: return "CAST(floor(\(millis) / 3600000) AS bigint)"
        case .day: return "CAST(floor(\(millis) / 86400000) AS bigint)"
        case .week: return "CAST(floor((\(millis) - \(weekOrigin)) / 604800000) AS bigint)"
        case .month: return "CAST(extract(year FROM \(utc)) * 12 + extract(month FROM \(utc)) - 1 AS bigint)"
        case .quarter: return "CAST(extract(year FROM \(utc)) * 4 + floor((extract(month FROM \(utc)) - 1) / 3) AS bigint)"
        case .year: return "CAST(extract(year FROM \(utc)) AS bigint)"
        case .hourOfDay, .weekday: return "NULL"
        }
    }

    /// The moment a bucket number starts.
    func bucketStart(_ bucket: String, _ unit: TimeUnit) -> String {
        let int = dialect.integerType
        switch unit {
        case .hour: return dialect.fromMillis("\(bucket) * 3600000")
        case .day: return dialect.fromMillis("\(bucket) * 86400000")
        case .week: return dialect.fromMillis("(\(bucket) * 7 + \(plan.buckets.weekStartsOnSunday ? 3 : 4)) * 86400000")
        case .month:
            return dialect.monthStart("CAST(floor(\(bucket) / 12) AS \(int))", "CAST(\(bucket) - floor(\(bucket) / 12) * 12 + 1 AS \(int))")
        case .quarter:
            return dialect.monthStart("CAST(floor(\(bucket) / 4) AS \(int))", "CAST((\(bucket) - floor(\(bucket) / 4) * 4) * 3 + 1 AS \(int))")
        case .year: return dialect.monthStart("CAST(\(bucket) AS \(int))", "1")
        case .hourOfDay, .weekday: return "NULL"
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
