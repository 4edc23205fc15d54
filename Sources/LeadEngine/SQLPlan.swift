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
    /// The values of the leads' `timezone` column, each with the zone its
    /// leads' business time is counted in (nil: the session's); nil when
    /// the leads have no such column or the statement counts no business
    /// time. One more than `leadZoneLimit` at most, which the compiler refuses.
    package private(set) var leadZones: [(value: String, zone: ZoneRules?)]?

    package init(statement: Statement, dialect: SQLDialectName, store: LeadStore, settings: Settings) {
        self.statement = statement
        self.dialect = dialect
        let derived = Set(FollowUpIndex.derivedFieldNames)
        leadColumns = store.leads.columnNames.filter { !derived.contains($0) }
        touchColumns = store.touches.columnNames
        buckets = settings.buckets
        cadence = settings.cadence
        calendar = settings.businessCalendar
        if calendar != nil, let column = store.leads.text(LeadZones.field), readsBusinessTime {
            leadZones = Self.zones(of: Array(column.dictionary.values.prefix(Self.leadZoneLimit + 1)))
        }
    }

    /// A plan for a session whose engine holds the data: the values of the
    /// leads' `timezone` column are asked of it for each statement that
    /// counts business time, so none it holds falls back to the session's zone.
    package init(statement: Statement, dialect: SQLDialectName, session: Session) throws(Diagnostic) {
        self.init(statement: statement, dialect: dialect, store: session.store, settings: session.settings)
        if leadZones != nil, !session.executor.readsStore {
            leadZones = Self.zones(of: try session.executor.leadZoneValues())
        }
    }

    /// The most values of `timezone` a statement compiles with.
    package static let leadZoneLimit = 1_000

    private static func zones(of values: [String]) -> [(value: String, zone: ZoneRules?)] {
        Array(zip(values, LeadZones.rules(values)))
    }
}
