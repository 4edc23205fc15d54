/// The rule a TZif file ends with (`CET-1CEST,M3.5.0,M10.5.0/3`): how the
/// offset changes each year after the file's last listed change.
struct PosixZoneRule {
    var standard: Int64
    var daylight: Int64?
    /// When daylight time starts and ends, each in the local time then in effect.
    var start = Moment(month: 3, week: 2, weekday: 0, seconds: 7200)
    var end = Moment(month: 11, week: 1, weekday: 0, seconds: 7200)

    /// `Mm.w.d[/time]`: weekday `d` (0 Sunday) of week `w` (5 the last) of month `m`.
    struct Moment {
        var month: Int, week: Int, weekday: Int, seconds: Int

        func wall(year: Int) -> Int64 {
            let first = CivilDate.daysSinceEpoch(year: year, month: month, day: 1)
            let firstWeekday = ((first % 7) + 11) % 7
            var day = first + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            let length = TimestampParser.daysIn(month: month, year: year)
            while day >= first + length { day -= 7 }
            return Int64(day) * TimeScale.perDay + TimeScale.units(seconds: seconds)
        }
    }

    /// Reads the rule; nil for a form leadq does not read (the zone then keeps its last offset).
    init?(_ text: String) {
        var rest = Substring(text)
        guard Self.name(&rest), let std = Self.time(&rest) else { return nil }
        standard = TimeScale.units(seconds: -std)
        if rest.isEmpty { return }
        guard Self.name(&rest) else { return nil }
        if let dst = Self.time(&rest) { daylight = TimeScale.units(seconds: -dst) } else { daylight = standard + TimeScale.perHour }
        if rest.isEmpty { return }
        guard rest.first == ",", let start = Self.moment(&rest), rest.first == ",", let end = Self.moment(&rest), rest.isEmpty else { return nil }
        self.start = start
        self.end = end
    }

    /// The changes of `year`, in order, with the offset after each.
    func changes(year: Int) -> [(instant: Int64, offset: Int64)] {
        guard let daylight else { return [] }
        let on = (start.wall(year: year) - standard, daylight), off = (end.wall(year: year) - daylight, standard)
        return on.0 < off.0 ? [on, off] : [off, on]
    }

    private static func name(_ rest: inout Substring) -> Bool {
        if rest.first == "<" {
            guard let close = rest.firstIndex(of: ">") else { return false }
            rest = rest[rest.index(after: close)...]
            return true
        }
        let letters = rest.prefix { $0.isLetter }
        rest = rest.dropFirst(letters.count)
        return letters.count >= 3
    }

    /// `[+-]hh[:mm[:ss]]` in seconds.
    private static func time(_ rest: inout Substring) -> Int? {
        var sign = 1
        if rest.first == "+" || rest.first == "-" {
            sign = rest.first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        var total = 0, parts = 0
        while parts < 3 {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let value = Int(digits) else { break }
            total += value * [3600, 60, 1][parts]
            parts += 1
            rest = rest.dropFirst(digits.count)
            guard rest.first == ":" else { break }
            rest = rest.dropFirst()
        }
        return parts == 0 ? nil : sign * total
    }

    private static func moment(_ rest: inout Substring) -> Moment? {
        rest = rest.dropFirst()
        guard rest.first == "M" else { return nil }
        rest = rest.dropFirst()
        let numbers = rest.prefix { $0 != "," && $0 != "/" }.split(separator: ".").compactMap { Int($0) }
        rest = rest.dropFirst(rest.prefix { $0 != "," && $0 != "/" }.count)
        guard numbers.count == 3 else { return nil }
        var moment = Moment(month: numbers[0], week: numbers[1], weekday: numbers[2], seconds: 7200)
        if rest.first == "/" {
            rest = rest.dropFirst()
            guard let seconds = time(&rest) else { return nil }
            moment.seconds = seconds
        }
        return moment
    }
}
