/// `set tz NAME`: a zone is written as the tz database writes it
/// (`America/New_York`, `+05:30`), which is no expression of the language,
/// so the rest of the statement is taken as it stands (quotes optional).
extension Parser {
    /// The statement when `text` is `set tz …` or `set timezone …` with a zone after it; nil otherwise.
    static func zoneStatement(_ text: String) -> Statement? {
        let bytes = Array(text.utf8)
        var i = 0
        func skipSpaces() { while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 } }
        func word() -> (String, Int) {
            let start = i
            while i < bytes.count, (bytes[i] | 0x20) &- 0x61 < 26 || bytes[i] == 0x5F { i += 1 }
            return (String(decoding: bytes[start..<i], as: UTF8.self).lowercased(), start)
        }
        skipSpaces()
        guard word().0 == "set" else { return nil }
        skipSpaces()
        let (option, optionStart) = word()
        guard option == "tz" || option == "timezone", i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 else { return nil }
        let optionRange = SourceRange(start: optionStart, end: i, line: 1, column: optionStart + 1)
        skipSpaces()
        let start = i
        var end = bytes.count
        if let comment = bytes[start...].firstIndex(where: { $0 == 0x23 }) { end = comment }
        while end > start, [0x20, 0x09, 0x0A, 0x0D, 0x3B].contains(bytes[end - 1]) { end -= 1 }
        guard end > start else { return nil }
        var zone = String(decoding: bytes[start..<end], as: UTF8.self)
        if zone.count >= 2, zone.hasPrefix("\""), zone.hasSuffix("\"") { zone = String(zone.dropFirst().dropLast()) }
        guard !zone.contains("\""), !zone.contains("|") else { return nil }
        let range = SourceRange(start: start, end: end, line: 1, column: start + 1)
        let name = Name(text: option, range: optionRange)
        return Statement(kind: .set(option: name, arguments: [Expr(kind: .string(zone), range: range)]),
                         range: SourceRange(start: 0, end: end, line: 1, column: 1))
    }
}
