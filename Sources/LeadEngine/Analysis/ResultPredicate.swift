import LeadQuery

/// A `having` condition bound to result columns: each comparison names a
/// column by its place in the result (group keys first, then measures,
/// hidden ones included) and a constant already in that column's stored
/// units (ratios as fractions, durations in milliseconds, buckets as bucket
/// numbers). The executor needs neither names nor statement text to apply it.
package indirect enum ResultPredicate: Sendable {
    /// `leads > 100`, `speed <= 12h`, `segment = "SMB"`
    case compare(column: Int, ComparisonOperator, ResultConstant)
    /// `speed is null`, `speed is not null`
    case isNull(column: Int, negated: Bool)
    case and(ResultPredicate, ResultPredicate)
    case or(ResultPredicate, ResultPredicate)
    case not(ResultPredicate)
}

/// A value a result column is compared with.
package enum ResultConstant: Sendable, Equatable {
    case number(Double)
    case text(String)
}

/// A column of the result a query will give, as the analyzer knows it
/// before running: what `having` and `order by` may name.
struct ResultSlot: Sendable {
    var name: String
    var kind: ValueKind
}
