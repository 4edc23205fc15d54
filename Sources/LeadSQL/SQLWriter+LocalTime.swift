import LeadEngine
import LeadQuery
import LeadStore

/// Time buckets in the session's zone, numbered as the in-memory engine
/// numbers them. A bucket is found from the wall-clock time: the timestamp
/// read in the zone (`AT TIME ZONE`, `timezone()`, `from_utc_timestamp`, a
/// fixed offset added) as epoch milliseconds for hours, days, weeks, the
/// hour of the day and the weekday, and its calendar fields for months,
/// quarters and years. A bucket is shown by the wall-clock time it starts
/// at, which names it in any zone (in UTC, the instant itself); the hour of
/// the day as its number and the weekday as `Mon` … `Sun`.
extension SQLWriter {
    var zone: ZoneRules { plan.buckets.zone }

    /// The wall-clock time of a timestamp expression in the session's zone (or `zone`), as a timestamp without zone.
    func local(_ timestamp: String, in zone: ZoneRules? = nil) -> String {
        let zone = zone ?? self.zone
        if zone.isUTC { return dialect.utc(timestamp) }
        if zone.isFixed { return dialect.wallFromMillis(wallMillis(timestamp, in: zone)) }
        return dialect.local(timestamp, zone.name)
    }

    /// Wall-clock epoch milliseconds of a timestamp expression in the session's zone (or `zone`); a fixed
    /// offset is added as a number, never named to the engine (PostgreSQL reads `+05:30` as five and a half hours west).
    func wallMillis(_ timestamp: String, in zone: ZoneRules? = nil) -> String {
        let zone = zone ?? self.zone
        if zone.isUTC { return dialect.epochMillis(timestamp) }
        if zone.isFixed { return "(\(dialect.epochMillis(timestamp)) + \(zone.offset(at: 0)))" }
        return dialect.epochMillis(local(timestamp, in: zone))
    }

    /// Milliseconds from the epoch to the first day of the epoch's first week (a Monday, or a Sunday).
    var weekOrigin: Int64 { (plan.buckets.weekStartsOnSunday ? 3 : 4) * TimeScale.perDay }

    /// The bucket number of a timestamp column (the in-memory engine's numbering).
    func bucket(_ ref: ColumnRef, _ unit: TimeUnit) -> String {
        let millis = wallMillis(column(ref))
        let fields = local(column(ref))
        switch unit {
        case .hour: return "CAST(floor(\(millis) / 3600000) AS bigint)"
        case .day: return "CAST(floor(\(millis) / 86400000) AS bigint)"
        case .week: return "CAST(floor((\(millis) - \(weekOrigin)) / 604800000) AS bigint)"
        case .month: return "CAST(\(dialect.datePart("year", fields)) * 12 + \(dialect.datePart("month", fields)) - 1 AS bigint)"
        case .quarter: return "CAST(\(dialect.datePart("year", fields)) * 4 + floor((\(dialect.datePart("month", fields)) - 1) / 3) AS bigint)"
        case .year: return "CAST(\(dialect.datePart("year", fields)) AS bigint)"
        case .hourOfDay: return "CAST(floor(\(millis) / 3600000) - floor(\(millis) / 86400000) * 24 AS bigint)"
        case .weekday:
            return "CAST(floor((\(millis) - \(weekOrigin)) / 86400000) - floor((\(millis) - \(weekOrigin)) / 604800000) * 7 AS bigint)"
        }
    }

    /// How a bucket number is shown: the wall-clock time it starts at; the hour of the day and the weekday by name.
    func bucketStart(_ bucket: String, _ unit: TimeUnit) -> String {
        let int = dialect.integerType
        let fromMillis = zone.isUTC ? dialect.fromMillis : dialect.wallFromMillis
        let monthStart = zone.isUTC ? dialect.monthStart : dialect.wallMonthStart
        switch unit {
        case .hour: return fromMillis("\(bucket) * 3600000")
        case .day: return fromMillis("\(bucket) * 86400000")
        case .week: return fromMillis("(\(bucket) * 7 + \(plan.buckets.weekStartsOnSunday ? 3 : 4)) * 86400000")
        case .month:
            return monthStart("CAST(floor(\(bucket) / 12) AS \(int))", "CAST(\(bucket) - floor(\(bucket) / 12) * 12 + 1 AS \(int))")
        case .quarter:
            return monthStart("CAST(floor(\(bucket) / 4) AS \(int))", "CAST((\(bucket) - floor(\(bucket) / 4) * 4) * 3 + 1 AS \(int))")
        case .year: return monthStart("CAST(\(bucket) AS \(int))", "1")
        case .hourOfDay: return bucket
        case .weekday:
            return "CASE \(bucket) " + (0..<7).map { "WHEN \($0) THEN \(dialect.string(plan.buckets.label(Int64($0), .weekday))) " }.joined() + "END"
        }
    }
}
