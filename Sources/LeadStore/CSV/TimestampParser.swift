/// Reads the date and time forms CRM exports write, straight from bytes.
///
/// Forms: ISO 8601 (`2025-03-04T09:15:07Z`, with an offset, fractional
/// seconds, or a space for the `T`), `YYYY-MM-DD HH:MM`, a bare date, US
/// `M/D/YYYY h:mm AM` and `M/D/YYYY HH:MM`, `15 Apr, 2021 00:03:00`,
/// `Apr 15, 2021 12:03 AM`, and epoch milliseconds (13 digits) or seconds
/// (10 digits). A value without an offset comes back as its wall-clock time
/// read as UTC (`hasOffset` tells), for the caller to read in its zone. Every part is
/// range-checked: `2026-02-30` and `24:00` are errors, not next month.
/// Values are kept to the millisecond (`TimeScale`); digits of a fraction
/// past the third are dropped.
public enum TimestampParser {
    /// The forms, in the order they are tried.
    public enum Form: Int, Sendable, CaseIterable {
        case iso, numericDate, dayMonthName, monthNameDay, epoch
    }

    /// What reading one value gave.
    public enum Outcome: Equatable, Sendable {
        /// Milliseconds since the epoch, UTC (`TimeScale`).
        case value(Int64)
        /// The value has the shape of a form but a part is out of range.
        case invalid(String)
        /// The value has the shape of no form.
        case unrecognized
    }

    /// Reads a timestamp, trying `preferred` first, then every other form;
    /// `order` is how a date of three numbers is read. Returns the outcome
    /// and the form that read it.
    public static func parse(
        _ text: UnsafeRawBufferPointer, preferred: Form = .iso, order: DateOrder = .monthFirst
    ) -> (Outcome, Form) {
        if preferred == .iso, let moment = compactISO(text) { return (.value(moment), .iso) }
        let first = parse(text, as: preferred, order: order)
        if case .value = first { return (first, preferred) }
        var best = first
        for form in Form.allCases where form != preferred {
            let outcome = parse(text, as: form, order: order)
            switch outcome {
            case .value: return (outcome, form)
            case .invalid: if best == .unrecognized { best = outcome }
            case .unrecognized: break
            }
        }
        return (best, preferred)
    }

    /// Reads a timestamp from a `String` (for literals and tests).
    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { bytes in
            if case .value(let moment) = parse(UnsafeRawBufferPointer(bytes)).0 { return moment }
            return nil
        }
    }

    /// Whether a value read in `form` named its instant (an offset, `Z`,
    /// `UTC`, or epoch seconds) rather than a wall-clock time.
    public static func hasOffset(_ text: UnsafeRawBufferPointer, form: Form) -> Bool {
        switch form {
        case .epoch: return true
        case .numericDate, .dayMonthName, .monthNameDay: return false
        case .iso:
            var end = text.count
            while end > 0, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
            var start = 0
            while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
            guard end - start > 10 else { return false }
            for i in (start + 10)..<end where text[i] == 0x5A || text[i] == 0x7A || text[i] == 0x2B || text[i] == 0x2D { return true }
            guard end - start >= 13 else { return false }
            let last = (text[end - 3] | 0x20, text[end - 2] | 0x20, text[end - 1] | 0x20)
            return last == (0x75, 0x74, 0x63) || last == (0x67, 0x6D, 0x74)  // utc, gmt
        }
    }

    /// Reads a timestamp in one form only.
    public static func parse(_ text: UnsafeRawBufferPointer, as form: Form, order: DateOrder = .monthFirst) -> Outcome {
        var cursor = ByteCursor(text)
        cursor.skipSpaces()
        let outcome: Outcome
        switch form {
        case .iso: outcome = readISO(&cursor)
        case .numericDate: outcome = readNumericDate(&cursor, order: order)
        case .dayMonthName: outcome = readDayMonthName(&cursor)
        case .monthNameDay: outcome = readMonthNameDay(&cursor)
        case .epoch: outcome = readEpoch(&cursor)
        }
        guard case .value = outcome else { return outcome }
        cursor.skipSpaces()
        return cursor.atEnd ? outcome : .unrecognized
    }

    /// The month a column's last value fell in, so that the next value in
    /// the same month skips the calendar arithmetic.
    struct MonthMemo: Sendable {
        fileprivate var key = -1
        fileprivate var firstDay = 0
        fileprivate var length = 0

        init() {}
    }

    /// `compactISO(_:month:)` without a memo.
    static func compactISO(_ t: UnsafeRawBufferPointer) -> Int64? {
        var memo = MonthMemo()
        return compactISO(t, month: &memo)
    }

    /// The commonest form, `YYYY-MM-DDTHH:MM:SSZ` (or with a space, or without
    /// the `Z`), read with fixed offsets; nil for anything else, which then
    /// takes the general path (and gets its error message there).
    @inline(__always)
    static func compactISO(_ t: UnsafeRawBufferPointer, month memo: inout MonthMemo) -> Int64? {
        let n = t.count
        guard n == 19 || (n == 20 && (t[19] | 0x20) == 0x7A) else { return nil }
        guard t[4] == 0x2D, t[7] == 0x2D, t[10] == 0x54 || t[10] == 0x20 || t[10] == 0x74,
              t[13] == 0x3A, t[16] == 0x3A else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int { Int(t[i] &- 0x30) }
        @inline(__always) func pair(_ i: Int) -> Bool { t[i] &- 0x30 <= 9 && t[i + 1] &- 0x30 <= 9 }
        guard pair(0), pair(2), pair(5), pair(8), pair(11), pair(14), pair(17) else { return nil }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6), day = digit(8) * 10 + digit(9)
        let hour = digit(11) * 10 + digit(12), minute = digit(14) * 10 + digit(15), second = digit(17) * 10 + digit(18)
        guard year >= 1, month >= 1, month <= 12 else { return nil }
        if year * 16 + month != memo.key {
            memo.key = year * 16 + month
            memo.firstDay = CivilDate.daysSinceEpoch(year: year, month: month, day: 1)
            memo.length = daysIn(month: month, year: year)
        }
        guard day >= 1, day <= memo.length, hour <= 23, minute <= 59, second <= 59 else { return nil }
        return Int64(memo.firstDay + day - 1) * TimeScale.perDay + TimeScale.units(seconds: hour * 3600 + minute * 60 + second)
    }

    /// `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH[:MM]]`
    private static func readISO(_ c: inout ByteCursor) -> Outcome {
        guard let year = c.digits(exactly: 4), c.take(0x2D), let month = c.digits(exactly: 2),
              c.take(0x2D), let day = c.digits(exactly: 2)
        else { return .unrecognized }
        var time = TimeOfDay()
        if c.take(0x54) || c.take(0x74) || (c.peek == 0x20 && c.peek(at: 1).map(isDigit) == true && c.take(0x20)) {
            guard let read = readTime(&c, allowMeridiem: false) else { return .unrecognized }
            time = read
        }
        var offset = 0
        if c.take(0x5A) || c.take(0x7A) {
        } else if c.peek == 0x2B || c.peek == 0x2D {
            let sign = c.peek == 0x2D ? -1 : 1
            c.advance()
            guard let hours = c.digits(exactly: 2) else { return .unrecognized }
            var minutes = 0
            if c.take(0x3A) {
                guard let m = c.digits(exactly: 2) else { return .unrecognized }
                minutes = m
            } else if let m = c.digits(exactly: 2) {
                minutes = m
            }
            guard hours <= 18, minutes <= 59 else { return .invalid("the offset is out of range") }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            c.skipSpaces()
            if c.takeWord("utc") || c.takeWord("gmt") {}
        }
        return make(year: year, month: month, day: day, time: time, offset: offset)
    }

    /// `D Mon[,] YYYY[ HH:MM[:SS][ AM|PM]]`
    private static func readDayMonthName(_ c: inout ByteCursor) -> Outcome {
        guard let day = c.digits(from: 1, to: 2), c.skipSpaces() > 0, let month = readMonthName(&c) else {
            return .unrecognized
        }
        _ = c.take(0x2C)
        c.skipSpaces()
        guard let year = c.digits(exactly: 4) else { return .unrecognized }
        return finishNamed(&c, year: year, month: month, day: day)
    }

    /// `Mon D, YYYY[ h:mm[:ss][ AM|PM]]`
    private static func readMonthNameDay(_ c: inout ByteCursor) -> Outcome {
        guard let month = readMonthName(&c), c.skipSpaces() > 0, let day = c.digits(from: 1, to: 2) else {
            return .unrecognized
        }
        _ = c.take(0x2C)
        c.skipSpaces()
        guard let year = c.digits(exactly: 4) else { return .unrecognized }
        return finishNamed(&c, year: year, month: month, day: day)
    }

    private static func finishNamed(_ c: inout ByteCursor, year: Int, month: Int, day: Int) -> Outcome {
        var time = TimeOfDay()
        if c.skipSpaces() > 0, !c.atEnd {
            guard let read = readTime(&c, allowMeridiem: true) else { return .unrecognized }
            time = read
        }
        return make(year: year, month: month, day: day, time: time, offset: 0)
    }

    /// 13 digits of epoch milliseconds, or 10 of epoch seconds.
    private static func readEpoch(_ c: inout ByteCursor) -> Outcome {
        let start = c.position
        guard let value = c.digits(from: 10, to: 13) else { return .unrecognized }
        switch c.position - start {
        case 13: return .value(Int64(value) * TimeScale.perSecond / 1000)
        case 10: return .value(TimeScale.units(seconds: value))
        default: return .unrecognized
        }
    }

    struct TimeOfDay {
        var hour = 0, minute = 0, second = 0
        /// The fraction of the second, in stored units.
        var fraction: Int64 = 0
        var meridiem: Int? = nil  // 0 AM, 12 PM
    }

    /// `HH:MM[:SS[.fff]][ AM|PM]`
    static func readTime(_ c: inout ByteCursor, allowMeridiem: Bool) -> TimeOfDay? {
        var time = TimeOfDay()
        guard let hour = c.digits(from: 1, to: 2), c.take(0x3A), let minute = c.digits(exactly: 2) else { return nil }
        time.hour = hour
        time.minute = minute
        if c.take(0x3A) {
            guard let second = c.digits(exactly: 2) else { return nil }
            time.second = second
            if c.take(0x2E) || c.take(0x2C) {
                guard let fraction = readFraction(&c) else { return nil }
                time.fraction = fraction
            }
        }
        if allowMeridiem {
            let save = c.position
            c.skipSpaces()
            if c.takeWord("am") { time.meridiem = 0 } else if c.takeWord("pm") { time.meridiem = 12 } else { c.position = save }
        }
        return time
    }

    /// Any number of digits after the decimal point, as stored units (truncated).
    private static func readFraction(_ c: inout ByteCursor) -> Int64? {
        let start = c.position
        guard let digits = c.digits(exactly: 1) else { return nil }
        var value = Int64(digits), scale: Int64 = 10
        while let next = c.peek, next &- 0x30 < 10 {
            if c.position - start < 9 { value = value * 10 + Int64(next &- 0x30); scale *= 10 }; c.advance()
        }
        return value * TimeScale.perSecond / scale
    }

    private static let monthNames: [StaticString] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let fullMonthNames: [StaticString] = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    private static func readMonthName(_ c: inout ByteCursor) -> Int? {
        for (index, name) in fullMonthNames.enumerated() where c.takeWord(name) { return index + 1 }
        if c.takeWord("sept") { return 9 }
        for (index, name) in monthNames.enumerated() where c.takeWord(name) {
            _ = c.take(0x2E)
            return index + 1
        }
        return nil
    }

    static func make(year: Int, month: Int, day: Int, time: TimeOfDay, offset: Int) -> Outcome {
        guard year >= 1, year <= 9999 else { return .invalid("year \(year) is out of range") }
        guard month >= 1, month <= 12 else { return .invalid("there is no month \(month)") }
        let days = daysIn(month: month, year: year)
        guard day >= 1, day <= days else {
            return .invalid("\(monthDisplayNames[month - 1]) \(year) has no day \(day)")
        }
        var hour = time.hour
        if let meridiem = time.meridiem {
            guard hour >= 1, hour <= 12 else { return .invalid("hour \(hour) does not go with AM or PM") }
            hour = hour % 12 + meridiem
        }
        guard hour <= 23 else { return .invalid("hour \(hour) is out of range (0–23)") }
        guard time.minute <= 59 else { return .invalid("minute \(time.minute) is out of range (0–59)") }
        guard time.second <= 59 else { return .invalid("second \(time.second) is out of range (0–59)") }
        let dayNumber = Int64(CivilDate.daysSinceEpoch(year: year, month: month, day: day))
        let seconds = hour * 3600 + time.minute * 60 + time.second - offset
        return .value(dayNumber * TimeScale.perDay + TimeScale.units(seconds: seconds) + time.fraction)
    }

    private static let monthDisplayNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
}
