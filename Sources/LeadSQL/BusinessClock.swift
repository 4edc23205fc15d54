import LeadStore

/// Business time as arithmetic on wall-clock time, so that SQL counts it
/// per lead without a table of days. `open(wall)` is the open time from a
/// fixed Monday midnight to a wall-clock time: whole weeks times the week's
/// open time, the open time of the week's earlier days, the open time of the
/// day so far (none on a holiday), less the open time of the holidays
/// before. The business time between two instants is then the difference of
/// their wall-clock readings, corrected at each change of offset between
/// them: an hour skipped (clocks forward) was counted and is not open, an
/// hour repeated (clocks back) is open twice. Each change's correction is
/// known in advance, so the SQL holds only the changes that fall in open
/// hours (usually none).
struct BusinessClock {
    let calendar: BusinessCalendar

    /// The first day counted from: Monday 1970-01-05.
    static let firstMonday: Int64 = 4

    /// The open milliseconds of each day of the week's ranges, Monday first.
    var spans: [[(start: Int64, end: Int64)]] {
        calendar.hours.days.map { $0.map { (Int64($0.lowerBound) * TimeScale.perMinute, Int64($0.upperBound) * TimeScale.perMinute) } }
    }

    var dayOpen: [Int64] { spans.map { $0.reduce(0) { $0 + $1.end - $1.start } } }
    var weekOpen: Int64 { dayOpen.reduce(0, +) }

    /// The open time of the days of the week before each one, Monday first.
    var openBefore: [Int64] {
        var sums: [Int64] = [], sum: Int64 = 0
        for open in dayOpen {
            sums.append(sum)
            sum += open
        }
        return sums
    }

    static func weekday(_ day: Int64) -> Int { Int(((day - firstMonday) % 7 + 7) % 7) }

    /// Each holiday (a local day) and the open time of the holidays up to and including it.
    var holidaysOpen: [(day: Int64, through: Int64)] {
        var sum: Int64 = 0
        return calendar.holidays.map { day in
            sum += dayOpen[Self.weekday(day)]
            return (day, sum)
        }
    }

    /// Open time from the first Monday to the wall-clock time `wall`.
    func open(_ wall: Int64) -> Int64 {
        let day = Self.floorDiv(wall, TimeScale.perDay), ms = wall - day * TimeScale.perDay
        let weekday = Self.weekday(day)
        var total = Self.floorDiv(day - Self.firstMonday, 7) * weekOpen + openBefore[weekday]
        if !calendar.holidays.contains(day) {
            total += spans[weekday].reduce(0) { $0 + min(max(ms - $1.start, 0), $1.end - $1.start) }
        }
        return total - (holidaysOpen.last { $0.day < day }?.through ?? 0)
    }

    /// The changes of `zone` whose skipped or repeated wall-clock times are
    /// open, each with what it takes from the business time across it.
    func corrections(_ zone: ZoneRules) -> [(at: Int64, open: Int64)] {
        zone.changes.compactMap { change in
            let open = self.open(change.at + change.after) - self.open(change.at + change.before)
            return open == 0 ? nil : (change.at, open)
        }
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
