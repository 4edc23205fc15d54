/// The moments a business is open in one zone, over a span of time: an
/// ordered list of open intervals as instants, with the open time before
/// each, so that the business time between two moments is a difference of
/// two look-ups. A moment is open when its wall-clock time in the zone falls
/// in the day's hours and its local day is no holiday; on a day the clocks
/// change, an hour skipped is not open and an hour repeated is open twice.
///
/// Each look-up starts from a table of the first interval still open at the
/// start of each UTC day, so it costs a step or two rather than a search.
public struct OpenIntervals: Sendable {
    let starts: [Int64]
    let ends: [Int64]
    /// Open time in the intervals before each one.
    let before: [Int64]
    let total: Int64
    /// The first UTC day `firstInterval` covers.
    let firstDay: Int64
    /// For each UTC day, the first interval that ends after the day starts.
    let firstInterval: [Int32]

    /// UTC days a look-up table covers at most (about 11,000 years).
    static let dayLimit: Int64 = 4_000_000

    /// The open intervals of `calendar` in `zone` around `extent`: every
    /// moment of the extent can be looked up.
    public init(calendar: BusinessCalendar, zone: ZoneRules, over extent: ClosedRange<Int64>) {
        let perDay = TimeScale.perDay
        let low = ZoneClock.floorDiv(extent.lowerBound, perDay), high = ZoneClock.floorDiv(extent.upperBound, perDay)
        // Wall-clock times lie within a day of their moment: local days two either side cover the extent.
        let wall = Self.wallIntervals(calendar, days: (low - 2)...(high + 2))
        var starts: [Int64] = [], ends: [Int64] = []
        for segment in Self.segments(of: zone, from: (low - 1) * perDay, to: (high + 2) * perDay) {
            let window = (segment.start + segment.offset)..<(segment.end + segment.offset)
            var i = wall.ends.partitionPoint { $0 <= window.lowerBound }
            while i < wall.starts.count, wall.starts[i] < window.upperBound {
                let start = max(wall.starts[i], window.lowerBound) - segment.offset
                let end = min(wall.ends[i], window.upperBound) - segment.offset
                if let last = ends.last, start <= last {
                    ends[ends.count - 1] = max(last, end)
                } else if end > start {
                    starts.append(start)
                    ends.append(end)
                }
                i += 1
            }
        }
        var before: [Int64] = [], sum: Int64 = 0
        before.reserveCapacity(starts.count)
        for i in starts.indices {
            before.append(sum)
            sum += ends[i] - starts[i]
        }
        self.starts = starts
        self.ends = ends
        self.before = before
        total = sum
        firstDay = low
        var table: [Int32] = []
        if high - low < Self.dayLimit {
            table.reserveCapacity(Int(high - low + 1))
            var next = 0
            for day in low...high {
                while next < ends.count, ends[next] <= day * perDay { next += 1 }
                table.append(Int32(next))
            }
        }
        firstInterval = table
    }

    /// The open time before `moment`, counted from the start of the intervals.
    @inline(__always)
    public func openTime(before moment: Int64) -> Int64 {
        let day = ZoneClock.floorDiv(moment, TimeScale.perDay) - firstDay
        var i = day >= 0 && day < firstInterval.count ? Int(firstInterval[Int(day)]) : ends.partitionPoint { $0 <= moment }
        while i < ends.count, ends[i] <= moment { i += 1 }
        guard i < ends.count else { return total }
        return before[i] + max(0, moment - starts[i])
    }

    /// Business time from `start` to `end` (both within the extent, `start` first).
    @inline(__always)
    public func businessTime(from start: Int64, to end: Int64) -> Int64 {
        openTime(before: end) - openTime(before: start)
    }

    /// The open wall-clock ranges of `days` (local days since 1970-01-01), touching ones joined.
    private static func wallIntervals(_ calendar: BusinessCalendar, days: ClosedRange<Int64>) -> (starts: [Int64], ends: [Int64]) {
        var starts: [Int64] = [], ends: [Int64] = []
        var holiday = calendar.holidays.partitionPoint { $0 < days.lowerBound }
        for day in days {
            while holiday < calendar.holidays.count, calendar.holidays[holiday] < day { holiday += 1 }
            if holiday < calendar.holidays.count, calendar.holidays[holiday] == day { continue }
            for range in calendar.hours.days[WeeklyHours.weekday(ofDay: day)] {
                let start = day * TimeScale.perDay + Int64(range.lowerBound) * TimeScale.perMinute
                let end = day * TimeScale.perDay + Int64(range.upperBound) * TimeScale.perMinute
                if let last = ends.last, last == start {
                    ends[ends.count - 1] = end
                } else {
                    starts.append(start)
                    ends.append(end)
                }
            }
        }
        return (starts, ends)
    }

    /// The stretches of `[from, to)` over which the zone's offset holds still.
    private static func segments(of zone: ZoneRules, from: Int64, to: Int64) -> [(start: Int64, end: Int64, offset: Int64)] {
        var result: [(start: Int64, end: Int64, offset: Int64)] = []
        var start = from
        var next = zone.transitions.partitionPoint { $0 <= from }
        while start < to {
            let end = next < zone.transitions.count ? min(zone.transitions[next], to) : to
            result.append((start, end, zone.offsets[next]))
            start = end
            next += 1
        }
        return result
    }
}
