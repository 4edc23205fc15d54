/// Durations, dates and periods.
extension Parser {
    /// Seconds in each duration unit, by every spelling accepted.
    static let durationUnits: [String: Double] = [
        "ms": 0.001, "msec": 0.001, "msecs": 0.001, "millisecond": 0.001, "milliseconds": 0.001,
        "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
        "min": 60, "mins": 60, "minute": 60, "minutes": 60,
        "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
        "d": 86_400, "day": 86_400, "days": 86_400,
        "w": 604_800, "wk": 604_800, "week": 604_800, "weeks": 604_800,
    ]

    /// DURATION := NUMBER UNIT   (`250ms 90s 30min 1h 2d 1w`, `1.5h`), in seconds
    /// to the millisecond.
    static func duration(_ text: String, at range: SourceRange) throws(Failure) -> Double {
        let digits = text.prefix { $0.isNumber || $0 == "." }
        let unit = text.dropFirst(digits.count).lowercased()
        guard let seconds = durationUnits[unit] else {
            throw Failure(diagnostic: Diagnostic(.error, Messages.unknownDurationUnit(unit), at: range))
        }
        guard let amount = Double(digits), amount * seconds < 1e15 else {
            throw Failure(diagnostic: Diagnostic(.error, "\"\(text)\" is too long a duration", at: range))
        }
        return (amount * seconds * 1000).rounded() / 1000
    }

    /// DATE := YYYY-MM-DD ["T" HH:MM[:SS] [Z | ±HH:MM]] | YYYY-MM | YYYY-Qn
    static func date(_ text: String, at range: SourceRange) throws(Failure) -> DateLiteral {
        let bad = Failure(diagnostic: Diagnostic(.error, Messages.badDate(text), at: range))
        let upper = text.uppercased()
        let parts = upper.split(separator: "T", maxSplits: 1)
        let dateParts = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard dateParts.count >= 2, let year = Int(dateParts[0]), (1...9999).contains(year) else { throw bad }
        if dateParts.count == 2, dateParts[1].hasPrefix("Q") {
            guard let quarter = Int(dateParts[1].dropFirst()), (1...4).contains(quarter) else { throw bad }
            return DateLiteral(year: year, month: quarter * 3 - 2, day: 1, span: .quarter)
        }
        guard let month = Int(dateParts[1]), (1...12).contains(month) else { throw bad }
        if dateParts.count == 2 { return DateLiteral(year: year, month: month, day: 1, span: .month) }
        guard dateParts.count == 3, let day = Int(dateParts[2]), day >= 1, day <= daysIn(month: month, year: year) else {
            throw bad
        }
        guard parts.count == 2 else { return DateLiteral(year: year, month: month, day: day, span: .day) }
        var clock = Substring(parts[1])
        var offset: Int? = nil
        if clock.hasSuffix("Z") {
            clock = clock.dropLast()
            offset = 0
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = clock[clock.index(after: sign)...].split(separator: ":")
            guard let hours = Int(zone.first ?? ""), hours <= 18 else { throw bad }
            let minutes = zone.count > 1 ? Int(zone[1]) ?? 99 : 0
            guard minutes <= 59 else { throw bad }
            offset = (hours * 3600 + minutes * 60) * (clock[sign] == "-" ? -1 : 1)
            clock = clock[..<sign]
        }
        // Hours and minutes of one or two digits; seconds of two, a fraction kept to the millisecond.
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        func part(_ text: Substring?) -> Int? {
            guard let text, (1...2).contains(text.count), text.allSatisfy(\.isASCII), let value = Int(text) else { return nil }
            return value
        }
        guard fields.count >= 2, fields.count <= 3, let hour = part(fields[0]), let minute = part(fields[1]) else { throw bad }
        var second = 0, millisecond = 0
        if fields.count == 3 {
            let whole = fields[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard let value = part(whole.first) else { throw bad }
            second = value
            if whole.count == 2 {
                let fraction = whole[1]
                guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw bad }
                millisecond = Int(fraction.prefix(3) + String(repeating: "0", count: max(0, 3 - fraction.count)))!
            }
        }
        guard hour < 24, minute < 60, second < 60 else { throw bad }
        return DateLiteral(year: year, month: month, day: day, span: .moment,
                           secondOfDay: hour * 3600 + minute * 60 + second, millisecond: millisecond, offset: offset)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// period := DATE ["to" DATE] | YEAR ["to" YEAR] | today | yesterday | this UNIT
    ///         | last [INT] UNIT | past DURATION
    mutating func parsePeriod() throws(Failure) -> Period {
        let start = here
        if acceptWord("today") { return Period(kind: .today, range: start) }
        if acceptWord("yesterday") { return Period(kind: .yesterday, range: start) }
        if acceptWord("this") { return Period(kind: .this(try parseUnit()), range: span(from: start)) }
        if acceptWord("last") {
            var count = 1
            if let token = current, token.kind == .number {
                guard let value = Int(text(token)), value >= 1, value <= 100_000 else {
                    throw fail("last takes a whole number of units from 1, such as last 3 months")
                }
                count = value
                index += 1
            }
            return Period(kind: .last(count, try parseUnit()), range: span(from: start))
        }
        if acceptWord("past") {
            guard let token = current, token.kind == .duration else {
                throw fail(Messages.expected("a duration such as 7d or 12h", found: describeCurrent))
            }
            index += 1
            return Period(kind: .past(seconds: try Self.duration(text(token), at: token.range)), range: span(from: start))
        }
        let first = try parsePeriodDate()
        if acceptWord("to") {
            let second = try parsePeriodDate()
            return Period(kind: .between(first, second), range: span(from: start))
        }
        return Period(kind: .date(first), range: span(from: start))
    }

    /// A date, or a four-digit year.
    private mutating func parsePeriodDate() throws(Failure) -> DateLiteral {
        guard let token = current else { throw fail(Messages.periodExpected) }
        if token.kind == .date {
            index += 1
            return try Self.date(text(token), at: token.range)
        }
        if token.kind == .number, text(token).count == 4, let year = Int(text(token)), year >= 1 {
            index += 1
            return DateLiteral(year: year, month: 1, day: 1, span: .year)
        }
        throw fail(Messages.periodExpected)
    }

    /// UNIT := hour | day | week | month | quarter | year   (plural too)
    mutating func parseUnit() throws(Failure) -> TimeUnit {
        guard let token = current, token.kind == .word, let unit = TimeUnit(word: text(token)), !unit.isCyclic else {
            throw fail(Messages.unitExpected)
        }
        index += 1
        return unit
    }
}
