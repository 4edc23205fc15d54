/// `set now 2026-11-23 09:00`: a date and a time of day with a space between,
/// as people write a local time, which the language otherwise reads as two
/// tokens.
extension Parser {
    /// The statement when `text` is `set now YYYY-MM-DD HH:MM[:SS]`; nil otherwise.
    static func localNowStatement(_ text: String) -> Statement? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == ";" })
        guard words.count == 4, words[0].lowercased() == "set", words[1].lowercased() == "now" else { return nil }
        let date = words[2].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let time = words[3].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard date.count == 3, words[2].count == 10, let year = date[0], let month = date[1], let day = date[2],
              (2...3).contains(time.count), time.allSatisfy({ $0 != nil }), words[3].count == time.count * 3 - 1,
              (1...12).contains(month), (1...31).contains(day), time[0]! <= 23, time[1]! <= 59, time.count == 2 || time[2]! <= 59
        else { return nil }
        let seconds = time[0]! * 3600 + time[1]! * 60 + (time.count == 3 ? time[2]! : 0)
        let start = text.utf8.distance(from: text.startIndex, to: words[2].startIndex)
        let range = SourceRange(start: start, end: start + words[2].utf8.count + 1 + words[3].utf8.count, line: 1, column: start + 1)
        let literal = DateLiteral(year: year, month: month, day: day, span: .moment, secondOfDay: seconds)
        let option = Name(text: "now", range: SourceRange(start: 0, end: 0, line: 1, column: 1))
        return Statement(kind: .set(option: option, arguments: [Expr(kind: .date(literal), range: range)]),
                         range: SourceRange(start: 0, end: text.utf8.count, line: 1, column: 1))
    }
}
