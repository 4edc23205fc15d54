/// The order of a date's parts when it is written as three numbers
/// (`01-02-2018`, `3/4/2025`, `2018.02.01`): `--date-format` names it for a
/// file, or a column shows it by itself.
public enum DateOrder: String, Sendable, CaseIterable {
    /// `MM-DD-YYYY`: how US exports write `3/4/2025`.
    case monthFirst = "MM-DD-YYYY"
    /// `DD-MM-YYYY`: `26-02-2018` is 26 February.
    case dayFirst = "DD-MM-YYYY"
    /// `YYYY-MM-DD`, with any separator.
    case yearFirst = "YYYY-MM-DD"

    /// Reads a `--date-format` value: the parts `DD` (or `D`), `MM` (or `M`)
    /// and `YYYY`, in order, between `-`, `/`, `.` or spaces; nil for anything
    /// else (`YYYY-DD-MM` too, which no export writes).
    public init?(format: String) {
        let parts = format.uppercased().split(whereSeparator: { "-/. ".contains($0) }).map { $0 == "D" ? "DD" : $0 == "M" ? "MM" : String($0) }
        switch parts {
        case ["MM", "DD", "YYYY"]: self = .monthFirst
        case ["DD", "MM", "YYYY"]: self = .dayFirst
        case ["YYYY", "MM", "DD"]: self = .yearFirst
        default: return nil
        }
    }

    /// The formats `--date-format` takes, for messages.
    public static let accepted = "DD-MM-YYYY, MM-DD-YYYY or YYYY-MM-DD (any of - / . between the parts)"

    /// The first two numbers of a date written day and month before the year
    /// (`26-02-2018 19:58`, `3/4/2025`), or nil for any other shape.
    static func leadingParts(_ text: UnsafeRawBufferPointer) -> (first: Int, second: Int)? {
        var c = ByteCursor(text)
        c.skipSpaces()
        guard let first = c.digits(from: 1, to: 2), let separator = c.peek, isSeparator(separator) else { return nil }
        c.advance()
        guard let second = c.digits(from: 1, to: 2), c.take(separator), c.digits(exactly: 4) != nil else { return nil }
        if let next = c.peek, next &- 0x30 < 10 { return nil }
        return (first, second)
    }

    /// The moment a date read month first names when read day first: the
    /// same year and time of day, the day and the month exchanged.
    static func dayFirst(fromMonthFirst moment: Int64) -> Int64 {
        let (days, _) = CivilDate.split(moment)
        let (year, month, day) = CivilDate.date(daysSinceEpoch: days)
        let timeOfDay = moment - Int64(days) * TimeScale.perDay
        return Int64(CivilDate.daysSinceEpoch(year: year, month: day, day: month)) * TimeScale.perDay + timeOfDay
    }

    /// `-`, `/` or `.` between the parts of a date.
    @inline(__always) static func isSeparator(_ byte: UInt8) -> Bool { byte == 0x2D || byte == 0x2F || byte == 0x2E }
}
