import LeadQuery
import LeadStore

/// A column as a query reads it, in the row space of one grain: a lead
/// column read from touch rows goes through each touch's lead.
package struct ColumnRef: Sendable {
    package let name: String
    package let data: ColumnData
    /// The grain the column belongs to.
    package let grain: Grain
}

/// A filter bound to columns, evaluated with three-valued logic (a
/// comparison with null is unknown, and unknown rows are not selected).
package indirect enum BoundPredicate: Sendable {
    case always(Bool)
    /// For text: truth per dictionary code (0 false, 1 unknown, 2 true) and
    /// for null; `test` is the condition as written, for engines that hold
    /// the values themselves.
    case textTruth(ColumnRef, truth: [UInt8], null: UInt8, test: TextTest)
    /// A numeric comparison with a constant in the column's own units.
    case compare(ColumnRef, ComparisonOperator, Double)
    /// A timestamp in `[lower, upper)`.
    case range(ColumnRef, lower: Int64, upper: Int64)
    case isNull(ColumnRef, negated: Bool)
    /// The touch is a follow-up (touch grain).
    case followUp
    case not(BoundPredicate)
    case and(BoundPredicate, BoundPredicate)
    case or(BoundPredicate, BoundPredicate)

    /// The finest grain the predicate reads.
    package var grain: Grain {
        switch self {
        case .always: .lead
        case .textTruth(let c, _, _, _), .compare(let c, _, _), .range(let c, _, _), .isNull(let c, _): c.grain
        case .followUp: .touch
        case .not(let p): p.grain
        case .and(let a, let b), .or(let a, let b): a.grain == .touch || b.grain == .touch ? .touch : .lead
        }
    }

    /// Every one of `predicates`, as a balanced tree; nil for none.
    package static func all(_ predicates: [BoundPredicate]) -> BoundPredicate? {
        predicates.isEmpty ? nil : balanced(predicates[...], isOr: false)
    }

    /// Any one of `predicates`, as a balanced tree; nil for none.
    static func any(_ predicates: [BoundPredicate]) -> BoundPredicate? {
        predicates.isEmpty ? nil : balanced(predicates[...], isOr: true)
    }

    /// A chain as a tree only as deep as its logarithm, so evaluating it
    /// recursively stays shallow however many terms it has.
    private static func balanced(_ parts: ArraySlice<BoundPredicate>, isOr: Bool) -> BoundPredicate {
        if parts.count == 1 { return parts[parts.startIndex] }
        let middle = parts.startIndex + (parts.count + 1) / 2
        let lhs = balanced(parts[..<middle], isOr: isOr), rhs = balanced(parts[middle...], isOr: isOr)
        return isOr ? .or(lhs, rhs) : .and(lhs, rhs)
    }
}

/// How a measure is computed from the rows of a group.
package indirect enum Formula: Sendable {
    /// Rows (passing the condition).
    case count(BoundPredicate?)
    /// Rows with a value in the column.
    case countValues(ColumnRef)
    /// Rows passing the condition, as a share of all rows.
    case share(BoundPredicate)
    case sum(ColumnRef)
    case mean(ColumnRef)
    /// The interpolated quantile (0.5 is the median).
    case quantile(ColumnRef, Double)
    case minimum(ColumnRef)
    case maximum(ColumnRef)
    case distinct(ColumnRef)
    case quotient(Formula, Formula)
}

/// A measure ready to compute.
package struct BoundMeasure: Sendable {
    package var name: String
    package var grain: Grain
    package var formula: Formula
    package var kind: ValueKind
    package var band: BandRule?
    /// The rows the measure counts at all (grace, follow-ups only, …).
    package var population: BoundPredicate?
    /// Hidden measures are computed for `order by` and dropped from the result.
    package var hidden = false
    /// `running(…)` / `of_total(…)`: computed down the ordered rows.
    package var rowwise: Rowwise?
    /// For a running ratio, the numerator and denominator to bind as hidden
    /// measures; after binding, `rowwise` holds their positions.
    package var ratioParts: [BoundMeasure] = []

    /// How a measure's column is computed from the rows before it.
    package enum Rowwise: Sendable {
        /// The cumulative sum down the rows.
        case running
        /// The share of the column's total.
        case ofTotal
        /// The cumulative sum divided by the total.
        case runningOfTotal
        /// Accumulated numerators over accumulated denominators (measure positions).
        case runningRatio(numerator: Int, denominator: Int)
    }

    /// Whether the column is a running total, which `top N` does not order by.
    package var isRunning: Bool {
        switch rowwise {
        case .running?, .runningOfTotal?, .runningRatio?: true
        default: false
        }
    }

    /// Whether the measure counts follow-ups and nothing else.
    package var readsFollowUpsOnly: Bool {
        if case .followUp? = population { true } else { false }
    }
}

/// A group key in one grain's row space.
package enum BoundKey: Sendable {
    case column(ColumnRef)
    case bucket(ColumnRef, TimeUnit)
    /// `bucket(field, bounds…)`: the bucket number, null for no value.
    case ranges(ColumnRef, BucketBounds)
    /// A condition: 0 false, 1 true, null when unknown.
    case condition(BoundPredicate)
}

/// One `by` term, with its key for each grain where it is defined.
package struct BoundGroup: Sendable {
    package var name: String
    package var kind: ValueKind
    package var keys: [Grain: BoundKey]
    /// Set when the group is a touch field, which lead measures cannot be
    /// grouped by: the field, the lead field to use instead, and where it was written.
    package var touchField: (name: String, suggestion: String?, range: SourceRange)?
}

/// `vs previous` / `vs last year`, bound: the query to run for the earlier
/// values and how a row's key finds its earlier row.
package struct BoundComparison: Sendable {
    package var kind: Comparison.Kind
    /// The `during` span of the earlier run (nil: all the data).
    package var during: (start: Int64, end: Int64)?
    /// The time group whose bucket moves back, and its unit.
    package var timeGroup: (index: Int, unit: TimeUnit)?
}

/// A query ready to run.
package struct BoundQuery: Sendable {
    package var measures: [BoundMeasure]
    /// The `where` filter for each grain that has a measure.
    package var filters: [Grain: BoundPredicate]
    package var groups: [BoundGroup]
    /// The `during` span, read on `created_at` for leads and `at` for touches.
    package var during: (start: Int64, end: Int64)?
    /// The `having` filter, over the result's columns.
    package var having: ResultPredicate?
    /// `order by` keys, as positions of result columns (hidden measures included).
    package var order: [(column: Int, descending: Bool)]
    package var limit: Int?
    package var warnings: [Diagnostic]
    package var comparison: BoundComparison? = nil
}

/// A `list` ready to run.
package struct BoundList: Sendable {
    package var grain: Grain
    package var columns: [ColumnRef]
    package var filter: BoundPredicate?
    package var order: [(ColumnRef, descending: Bool)]
    package var limit: Int?
    package var warnings: [Diagnostic]
}

/// A condition on text as written: engines that compare the values
/// themselves (SQL) read it instead of the truth table.
package enum TextTest: Sendable {
    case compare(ComparisonOperator, String)
    case oneOf([String])
    /// One of these lower-case words, in any case.
    case anyCaseOf([String])
    /// `like`, case-insensitive: `%` any run of characters, `_` any one.
    case like(String)
}
