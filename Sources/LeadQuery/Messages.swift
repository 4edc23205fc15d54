/// The words of every syntax error, in one place.
enum Messages {
    static func expected(_ what: String, found: String) -> String { "expected \(what), found \(found)" }
    static let expectedMeasure = "expected a measure such as rate, speed or count"
    static let emptyStatement = "expected a statement"
    static let tooDeep = "the expression nests too deeply (more than \(Parser.maximumDepth) levels)"
    static let tooLong = "the statement is too long (more than \(Parser.maximumTokens) tokens)"
    static func unknownDurationUnit(_ unit: String) -> String {
        if Self.isExponent(unit) {
            return "\"\(unit)\" after a number is an exponent, which statements do not take: write numbers in full (1000, 0.001); durations take a unit such as 1h"
        }
        return unit == "m"
            ? "\"m\" is ambiguous: write min for minutes (30min); months are not a fixed length, use a period such as last 3 months"
            : "unknown time unit \"\(unit)\": use ms, s, min, h, d or w (250ms 90s 30min 1h 2d 1w)"
    }
    /// `e3`, `E-2`, `e+6`: what follows the digits of `1e3`.
    private static func isExponent(_ unit: String) -> Bool {
        var rest = Substring(unit)
        guard rest.first == "e" || rest.first == "E" else { return false }
        rest = rest.dropFirst()
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }
    static func badDate(_ text: String) -> String { "\"\(text)\" is not a date: write 2026-03-01, 2026-03, 2026-Q1 or 2026" }
    static func duplicateClause(_ clause: String) -> String { "\(clause) appears twice in this statement" }
    static let limitNeedsNumber = "top and limit take a whole number of rows, such as top 10"
    static let periodExpected = "expected a period: a date (2026-03), DATE to DATE, today, yesterday, this month, last 3 months or past 7d"
    static let unitExpected = "expected a time unit: hour, day, week, month, quarter or year (hour_of_day and weekday group, but name no period)"
    static let listTable = "list takes leads or touches: list leads where segment = \"SMB\""
    static func unknownEscape(_ escape: String) -> String {
        "unknown escape \(escape) in a string: only \\\" (a quote) and \\\\ (a backslash) are escapes; write \\\\ for a backslash"
    }
    static func sqlHabit(_ rewritten: String?) -> String {
        "leadq is not SQL: name the measures first, then where, by, having and order by, with no select or from"
            + " (the measures say which table they count)" + (rewritten.map { "; write: \($0)" } ?? "; for example: leads, rate by owner")
    }
    static let postExpected = "after | write export \"file.csv\", chart or sql"
}
