/// The syntax tree of one statement. Every node carries the range of text it
/// came from, so any later stage can point at it.
public struct Statement: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `measures [where …] [during …] [by …] [having …] [order by …] [top|limit N] [| post …]`
        case query(Query)
        /// `list leads|touches [columns] [where …] [order by …] [limit N]`
        case list(ListQuery)
        /// `let NAME = filter-or-measure`
        case define(name: Name, value: Expr)
        /// `set OPTION value…`
        case set(option: Name, arguments: [Expr])
    }

    public var kind: Kind
    public var range: SourceRange
    /// What follows `|`: export, chart, sql.
    public var posts: [Post] = []
}

/// A name as written, with where it was written.
public struct Name: Sendable, Equatable {
    public var text: String
    public var range: SourceRange
}

/// `measures [where filter] [during period] [by groups] [having filter] [order by keys] [top|limit N]`
public struct Query: Sendable, Equatable {
    public var measures: [MeasureItem]
    public var filter: Expr?
    public var during: Period?
    public var groups: [Expr] = []
    public var having: Expr?
    public var order: [OrderKey] = []
    public var limit: Int?
    /// Whether the cut is `top N` (the largest N) rather than `limit N`.
    public var takesLargest = false
    /// `vs previous` or `vs last year`.
    public var comparison: Comparison?
}

/// `vs previous` | `vs last year`: each value beside the period before it.
public struct Comparison: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case previous, lastYear }
    public var kind: Kind
    public var range: SourceRange
}

/// `measure [as NAME]`
public struct MeasureItem: Sendable, Equatable {
    public var expr: Expr
    public var alias: Name?
}

/// `key [asc|desc]`
public struct OrderKey: Sendable, Equatable {
    public var expr: Expr
    public var descending: Bool
}

/// `list leads|touches [field, …] [where filter] [order by keys] [limit N]`
public struct ListQuery: Sendable, Equatable {
    public var table: Name
    public var columns: [Name]
    public var filter: Expr?
    public var order: [OrderKey] = []
    public var limit: Int?
}

/// `| export "file.csv"`, `| export append "report.html"`, `| chart ["file.svg"]`, `| sql`
public struct Post: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case export(path: String)
        /// `export append "report.html"`: a section added to a report page.
        case exportAppend(path: String)
        /// `chart` draws in the terminal; `chart "file.svg"` writes the chart.
        case chart(path: String?)
        /// `| sql [postgres|duckdb|spark]`
        case sql(dialect: Name?)
    }

    public var kind: Kind
    public var range: SourceRange
}

/// An expression: a filter, a measure, a group key or a literal.
public struct Expr: Sendable, Equatable {
    public indirect enum Kind: Sendable, Equatable {
        /// `segment`, `rate`, `month`, a named filter or measure.
        case name(String)
        /// `at.month`: a field and a time unit.
        case member(base: Name, member: Name)
        /// `"SMB"`
        case string(String)
        /// `42`, `0.5`, `90%` (as 0.9)
        case number(Double, percent: Bool)
        /// `250ms 90s 30min 1h 2d 1w`, in seconds (with a fraction for `250ms`, `0.5s`).
        case duration(Double)
        /// `2026-03-01`, `2026-03`, `2026-Q1`.
        case date(DateLiteral)
        /// `within(1h)`, `p(response, 90)`, `share(segment = "SMB")`.
        case call(name: Name, arguments: [Expr])
        /// `field op value`
        case compare(ComparisonOperator, Expr, Expr)
        /// `field [not] in (v, …)`
        case inList(Expr, [Expr], negated: Bool)
        /// `field [not] like "pat%"`
        case like(Expr, Expr, negated: Bool)
        /// `field is [not] null`
        case isNull(Expr, negated: Bool)
        /// `field in PERIOD`
        case inPeriod(Expr, Period)
        case not(Expr)
        case and(Expr, Expr)
        case or(Expr, Expr)
    }

    public var kind: Kind
    public var range: SourceRange
}

/// `= != < <= > >=`
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

/// A calendar date literal and how much time it spans; with a time of day
/// (`2026-11-23T09:30:00Z`) it names a moment.
public struct DateLiteral: Sendable, Equatable {
    public enum Span: String, Sendable { case moment, day, month, quarter, year }
    public var year: Int
    /// 1–12; for a quarter, its first month.
    public var month: Int
    public var day: Int
    public var span: Span
    /// Seconds into the day, for a moment.
    public var secondOfDay = 0
    /// Milliseconds into the second, for a moment (`09:30:00.250`).
    public var millisecond = 0
    /// The offset from UTC in seconds, when one was written.
    public var offset: Int?

    public init(year: Int, month: Int, day: Int, span: Span, secondOfDay: Int = 0, millisecond: Int = 0, offset: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.span = span
        self.secondOfDay = secondOfDay
        self.millisecond = millisecond
        self.offset = offset
    }
}

/// A stretch of time, as written.
public struct Period: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `2026-03`, `2026-Q1`, `2026-03-01`, `2026`
        case date(DateLiteral)
        /// `DATE to DATE`: from the start of the first to the start of the second.
        case between(DateLiteral, DateLiteral)
        case today
        case yesterday
        /// `this month`
        case this(TimeUnit)
        /// `last month`, `last 3 months`: whole units before the current one.
        case last(Int, TimeUnit)
        /// `past 7d`: a rolling window ending now.
        case past(seconds: Double)
    }

    public var kind: Kind
    public var range: SourceRange
}

/// `hour day week month quarter year`
public enum TimeUnit: String, Sendable, CaseIterable {
    case hour, day, week, month, quarter, year
    /// The hour of the day (0 … 23) and the day of the week (Mon … Sun):
    /// units that come round again rather than follow one another.
    case hourOfDay = "hour_of_day", weekday

    /// Whether the unit comes round again (`hour_of_day`, `weekday`), so it
    /// groups but names no period.
    public var isCyclic: Bool { self == .hourOfDay || self == .weekday }

    /// How many values a cyclic unit takes (24 hours, 7 days).
    public var cycle: Int { self == .hourOfDay ? 24 : self == .weekday ? 7 : 0 }

    /// The unit named by `word`, singular or plural.
    public init?(word: String) {
        let lower = word.lowercased()
        let singular = lower.hasSuffix("s") ? String(lower.dropLast()) : lower
        self.init(rawValue: singular)
    }
}
