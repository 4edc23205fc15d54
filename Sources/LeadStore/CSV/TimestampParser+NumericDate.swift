/// Dates written as three numbers, read in the order `--date-format` or the
/// column gives.
extension TimestampParser {
    /// `D-M-YYYY`, `M/D/YYYY` (by `order`) or, when the order is year first,
    /// `YYYY.M.D`; any of `- / .` between the parts, the same twice; then
    /// `[ h:mm[:ss[.fff]][ AM|PM]]`. A year-first date is only read so when
    /// the order says it (`2026/01/05` is no form otherwise).
    static func readNumericDate(_ c: inout ByteCursor, order: DateOrder) -> Outcome {
        let start = c.position
        guard let first = c.digits(from: 1, to: 4), let separator = c.peek, DateOrder.isSeparator(separator) else {
            return .unrecognized
        }
        let yearFirst = c.position - start == 4
        guard yearFirst || c.position - start <= 2 else { return .unrecognized }
        c.advance()
        guard let second = c.digits(from: 1, to: 2), c.take(separator) else { return .unrecognized }
        let year: Int, month: Int, day: Int
        if yearFirst {
            guard order == .yearFirst, let third = c.digits(from: 1, to: 2) else { return .unrecognized }
            (year, month, day) = (first, second, third)
        } else {
            guard let third = c.digits(exactly: 4) else { return .unrecognized }
            switch order {
            case .monthFirst: (year, month, day) = (third, first, second)
            case .dayFirst: (year, month, day) = (third, second, first)
            case .yearFirst: return .invalid("the date is not in the order of --date-format \(order.rawValue)")
            }
        }
        var time = TimeOfDay()
        if c.skipSpaces() > 0, !c.atEnd {
            guard let read = readTime(&c, allowMeridiem: true) else { return .unrecognized }
            time = read
        }
        return make(year: year, month: month, day: day, time: time, offset: 0)
    }
}
