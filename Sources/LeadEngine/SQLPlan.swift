import LeadQuery
import LeadStore

/// The SQL dialects a statement compiles to (`| sql postgres`, `set dialect duckdb`).
public enum SQLDialectName: String, CaseIterable, Sendable {
    case postgres, duckdb, spark
}

/// A statement bound for `| sql`: the plan, the dialect to write it in, and
/// what the compiler needs to know of the tables (which columns they have,
/// how weeks start, the follow-up cadence, the zone, the business hours).
public struct SQLPlan: Sendable {
    package enum Statement: Sendable {
        case query(BoundQuery)
        case list(BoundList)
    }

    package let statement: Statement
    public let dialect: SQLDialectName
    /// The columns of the `leads` and `touches` tables, without derived fields.
    package let leadColumns: [String]
    package let touchColumns: [String]
    package let buckets: TimeBuckets
    /// The gaps of `set cadence`, which `next_due_at` follows.
    package let cadence: [Int64]
    /// The hours and holidays `response_business` is counted in; nil before `set hours`.
    package let calendar: BusinessCalendar?

    package init(statement: Statement, dialect: SQLDialectName, store: LeadStore, settings: Settings) {
        self.statement = statement
        self.dialect = dialect
        let derived = Set(FollowUpIndex.derivedFieldNames)
        leadColumns = store.leads.columnNames.filter { !derived.contains($0) }
        touchColumns = store.touches.columnNames
        buckets = settings.buckets
        cadence = settings.cadence
        calendar = settings.businessCalendar
    }
}
