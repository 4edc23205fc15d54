import LeadQuery
import LeadStore

/// What a statement answers: typed columns that a renderer can show without
/// knowing the query. Values are raw (ratios as fractions, durations and
/// timestamps in `TimeScale` units, buckets as bucket numbers).
public struct ResultTable: Sendable {
    public var columns: [ResultColumn]
    public var rowCount: Int
    /// Warnings to show beside the table (a filter value no row has, …).
    public var warnings: [Diagnostic] = []
    /// How many leading columns are the `by` keys (the rest are measures);
    /// nil when the result is not grouped by keys (a `list`).
    public var keyCount: Int?

    public init(columns: [ResultColumn], rowCount: Int) {
        self.columns = columns
        self.rowCount = rowCount
    }

    /// The table with its rows picked and ordered by `rows`.
    public func gathered(_ rows: [Int]) -> ResultTable {
        var table = ResultTable(columns: columns.map { $0.gathered(rows) }, rowCount: rows.count)
        table.warnings = warnings
        table.keyCount = keyCount
        return table
    }
}

/// The kind of values a result column holds, which decides how they are shown.
public enum ValueKind: Sendable, Equatable {
    case count, ratio, duration, timestamp, text, number
    /// A condition's truth, stored as 0 and 1.
    case boolean
    /// A bucket of `bucket(field, …)`, stored as its number, shown by label.
    case labels([String])
    /// A time bucket of this unit (`2026-03`, `2026-W09`).
    case bucket(TimeUnit)
}

/// One value, as a renderer sees it.
public enum Cell: Sendable, Equatable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
}

/// A column of a result.
public struct ResultColumn: Sendable {
    public var name: String
    public var kind: ValueKind
    public var values: Values
    /// Where each value stands against the KPI's bands, for banded KPIs.
    public var bands: [Band?]?
    /// The lines between bands (moved by `set target`), for banded KPIs.
    public var bandRule: BandRule?
    /// How to label buckets, for bucket columns.
    public var buckets: TimeBuckets
    /// Whether the column is a change from an earlier period, shown signed
    /// with ▲ or ▼ (ratios in percentage points).
    public var isChange = false

    /// The stored values, typed.
    public enum Values: Sendable {
        /// `Int64.min` is null.
        case ints([Int64])
        /// NaN is null.
        case doubles([Double])
        /// Dictionary codes; `Null.textCode` is null.
        case text([UInt32], TextDictionary)
        case strings([String?])
    }

    public init(name: String, kind: ValueKind, values: Values, bands: [Band?]? = nil, buckets: TimeBuckets = TimeBuckets()) {
        self.name = name
        self.kind = kind
        self.values = values
        self.bands = bands
        self.buckets = buckets
    }

    public var count: Int {
        switch values {
        case .ints(let v): v.count
        case .doubles(let v): v.count
        case .text(let codes, _): codes.count
        case .strings(let v): v.count
        }
    }

    /// The value in `row`.
    public func cell(_ row: Int) -> Cell {
        switch values {
        case .ints(let v): v[row] == Int64.min ? .null : .int(v[row])
        case .doubles(let v): v[row].isNaN ? .null : .double(v[row])
        case .text(let codes, let dictionary): codes[row] == Null.textCode ? .null : .text(dictionary[codes[row]])
        case .strings(let v): v[row].map(Cell.text) ?? .null
        }
    }

    /// The value in `row` as a number, for sorting and `having`; nil for null or text.
    public func number(_ row: Int) -> Double? {
        switch cell(row) {
        case .int(let v): Double(v)
        case .double(let v): v
        default: nil
        }
    }

    /// The label of a bucket value.
    public func bucketLabel(_ bucket: Int64) -> String? {
        if case .bucket(let unit) = kind { return buckets.label(bucket, unit) }
        return nil
    }

    func gathered(_ rows: [Int]) -> ResultColumn {
        var column = self
        switch values {
        case .ints(let v): column.values = .ints(rows.map { v[$0] })
        case .doubles(let v): column.values = .doubles(rows.map { v[$0] })
        case .text(let codes, let dictionary): column.values = .text(rows.map { codes[$0] }, dictionary)
        case .strings(let v): column.values = .strings(rows.map { v[$0] })
        }
        column.bands = bands.map { bands in rows.map { bands[$0] } }
        return column
    }
}
