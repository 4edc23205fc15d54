import LeadQuery
import LeadStore

/// Calendar arithmetic in the session's time zone: which hour, day, week,
/// month, quarter or year a moment falls in (as a bucket number), where
/// buckets start, and how they are labelled (`2026-03-04`, `2026-W09`,
/// `2026-03`, `2026-Q1`, `2026`). Bucket numbers count wall-clock time, so
/// a label never depends on the zone; only a bucket's start does.
public struct TimeBuckets: Sendable {
    /// The first day of a week: Monday (ISO) unless set otherwise.
    public var weekStartsOnSunday = false
    /// The zone whose midnights start days (UTC unless set).
    public var zone = ZoneRules.utc

    public init(weekStartsOnSunday: Bool = false, zone: ZoneRules = .utc) {
        self.weekStartsOnSunday = weekStartsOnSunday
        self.zone = zone
    }

    /// The bucket of `unit` that `moment` (in `TimeScale` units) falls in.
    @inline(__always)
    public func bucket(_ moment: Int64, _ unit: TimeUnit) -> Int64 {
        bucket(wall: zone.isUTC ? moment : zone.local(moment), unit)
    }

    /// The bucket of `unit` that the wall-clock time `wall` falls in.
    @inline(__always)
    public func bucket(wall moment: Int64, _ unit: TimeUnit) -> Int64 {
        switch unit {
        case .hour: return Self.floorDiv(moment, TimeScale.perHour)
        case .day: return Self.floorDiv(moment, TimeScale.perDay)
        case .week:
            // 1970-01-05 was a Monday, 1970-01-04 a Sunday.
            return Self.floorDiv(Self.floorDiv(moment, TimeScale.perDay) - (weekStartsOnSunday ? 3 : 4), 7)
        case .month, .quarter, .year:
            let (year, month, _) = CivilDate.date(daysSinceEpoch: Int(Self.floorDiv(moment, TimeScale.perDay)))
            switch unit {
            case .month: return Int64(year * 12 + month - 1)
            case .quarter: return Int64(year * 4 + (month - 1) / 3)
            default: return Int64(year)
            }
        case .hourOfDay:
            return (moment - Self.floorDiv(moment, TimeScale.perDay) * TimeScale.perDay) / TimeScale.perHour
        case .weekday:
            // Counted from the first day of the week: 1970-01-05 was a Monday, 1970-01-04 a Sunday.
            let days = Self.floorDiv(moment, TimeScale.perDay) - (weekStartsOnSunday ? 3 : 4)
            return days - Self.floorDiv(days, 7) * 7
        }
    }

    /// The moment bucket `bucket` of `unit` starts: its first local midnight
    /// (or hour), the moment clocks skip to when that time does not exist.
    public func start(of bucket: Int64, _ unit: TimeUnit) -> Int64 {
        let wall = wallStart(of: bucket, unit)
        return zone.isUTC ? wall : zone.instant(wall: wall)
    }

    /// The wall-clock time bucket `bucket` of `unit` starts at.
    public func wallStart(of bucket: Int64, _ unit: TimeUnit) -> Int64 {
        switch unit {
        case .hour: return bucket * TimeScale.perHour
        case .day: return bucket * TimeScale.perDay
        case .week: return (bucket * 7 + (weekStartsOnSunday ? 3 : 4)) * TimeScale.perDay
        case .month: return Self.startOf(year: Int(Self.floorDiv(bucket, 12)), month: Int(bucket - Self.floorDiv(bucket, 12) * 12) + 1)
        case .quarter: return Self.startOf(year: Int(Self.floorDiv(bucket, 4)), month: Int(bucket - Self.floorDiv(bucket, 4) * 4) * 3 + 1)
        case .year: return Self.startOf(year: Int(bucket), month: 1)
        // A cyclic unit has no one start: its first occurrence from the epoch's week.
        case .hourOfDay: return bucket * TimeScale.perHour
        case .weekday: return (bucket + (weekStartsOnSunday ? 3 : 4)) * TimeScale.perDay
        }
    }

    /// How a bucket is shown: `2026-03-04 09:00`, `2026-03-04`, `2026-W09`, `2026-03`, `2026-Q1`, `2026`.
    public func label(_ bucket: Int64, _ unit: TimeUnit) -> String {
        switch unit {
        case .hour:
            let start = wallStart(of: bucket, .hour)
            let iso = CivilDate.iso8601(start)
            return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
        case .day: return String(CivilDate.iso8601(wallStart(of: bucket, .day)).prefix(10))
        case .week:
            let start = wallStart(of: bucket, .week)
            if weekStartsOnSunday { return String(CivilDate.iso8601(start).prefix(10)) }
            // ISO week: the year of the week's Thursday, counted from that year's first Thursday.
            let thursday = Int(start / TimeScale.perDay) + 3
            let (year, _, _) = CivilDate.date(daysSinceEpoch: thursday)
            let week = (thursday - CivilDate.daysSinceEpoch(year: year, month: 1, day: 1)) / 7 + 1
            return "\(Self.pad(year, 4))-W\(Self.pad(week, 2))"
        case .month:
            let year = Self.floorDiv(bucket, 12)
            return "\(Self.pad(Int(year), 4))-\(Self.pad(Int(bucket - year * 12) + 1, 2))"
        case .quarter:
            let year = Self.floorDiv(bucket, 4)
            return "\(Self.pad(Int(year), 4))-Q\(bucket - year * 4 + 1)"
        case .year: return Self.pad(Int(bucket), 4)
        case .hourOfDay: return String(bucket)
        case .weekday:
            let names = weekStartsOnSunday ? Self.weekdayNames.suffix(1) + Self.weekdayNames.prefix(6) : Self.weekdayNames[...]
            return (0..<7).contains(bucket) ? names[names.startIndex + Int(bucket)] : String(bucket)
        }
    }

    /// Weekday labels from Monday.
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    static func startOf(year: Int, month: Int) -> Int64 {
        Int64(CivilDate.daysSinceEpoch(year: year, month: month, day: 1)) * TimeScale.perDay
    }

    @inline(__always)
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension TimeBuckets {
    /// The half-open span `[start, end)` of a period, relative to `now`.
    public func span(of period: Period, now: Int64) -> (start: Int64, end: Int64) {
        switch period.kind {
        case .date(let date): return span(of: date)
        case .between(let from, let to): return (span(of: from).start, span(of: to).start)
        case .today:
            let day = bucket(now, .day)
            return (start(of: day, .day), start(of: day + 1, .day))
        case .yesterday:
            let day = bucket(now, .day) - 1
            return (start(of: day, .day), start(of: day + 1, .day))
        case .this(let unit):
            let current = bucket(now, unit)
            return (start(of: current, unit), start(of: current + 1, unit))
        case .last(let count, let unit):
            let current = bucket(now, unit)
            return (start(of: current - Int64(count), unit), start(of: current, unit))
        case .past(let seconds):
            return (now - TimeScale.units(seconds: seconds), now + 1)
        }
    }

    /// The span of a date literal: its day, month, quarter or year (a moment
    /// spans one millisecond).
    public func span(of date: DateLiteral) -> (start: Int64, end: Int64) {
        let day = Int64(CivilDate.daysSinceEpoch(year: date.year, month: date.month, day: date.day))
        switch date.span {
        case .moment:
            let wall = day * TimeScale.perDay + TimeScale.units(seconds: date.secondOfDay) + Int64(date.millisecond) * TimeScale.perSecond / 1000
            // A moment written without an offset is a time in the session's zone.
            let moment = date.offset.map { wall - TimeScale.units(seconds: $0) } ?? (zone.isUTC ? wall : zone.instant(wall: wall))
            return (moment, moment + 1)
        case .day: return (start(of: day, .day), start(of: day + 1, .day))
        case .month:
            let bucket = Int64(date.year * 12 + date.month - 1)
            return (start(of: bucket, .month), start(of: bucket + 1, .month))
        case .quarter:
            let bucket = Int64(date.year * 4 + (date.month - 1) / 3)
            return (start(of: bucket, .quarter), start(of: bucket + 1, .quarter))
        case .year:
            return (start(of: Int64(date.year), .year), start(of: Int64(date.year) + 1, .year))
        }
    }
}
