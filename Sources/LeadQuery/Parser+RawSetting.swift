/// `set tz America/New_York` and `set hours Mon-Fri 09:00-17:00`: zones and
/// opening hours are written as the tz database and people write them
/// (`+05:30`, `Mon-Thu 08:00-18:00, Fri 08:00-14:00`), which is no
/// expression of the language, so the rest of the statement is taken as it
/// stands (quotes optional) and read by the engine.
extension Parser {
    /// The settings whose value is taken as raw text.
    static let rawSettings: Set<String> = ["tz", "timezone", "hours"]

    /// The statement when `text` is `set tz …`, `set timezone …` or `set hours …`
    /// with something after it; nil otherwise. A comment (`#` or `--`; a day
    /// range or an offset has one dash) ends the value.
    static func rawSettingStatement(_ text: String) -> Statement? {
        let bytes = Array(text.utf8)
        let spaces: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]
        var i = 0
        func skipSpaces() { while i < bytes.count, spaces.contains(bytes[i]) { i += 1 } }
        func word() -> (String, Int) {
            let start = i
            while i < bytes.count, (bytes[i] | 0x20) &- 0x61 < 26 || bytes[i] == 0x5F { i += 1 }
            return (String(decoding: bytes[start..<i], as: UTF8.self).lowercased(), start)
        }
        skipSpaces()
        guard word().0 == "set" else { return nil }
        skipSpaces()
        let (option, optionStart) = word()
        guard rawSettings.contains(option), i < bytes.count, spaces.contains(bytes[i]) else { return nil }
        let optionEnd = i
        skipSpaces()
        var start = i
        var end = bytes.count
        for j in start..<bytes.count where bytes[j] == 0x23 || (bytes[j] == 0x2D && j + 1 < bytes.count && bytes[j + 1] == 0x2D) {
            end = j
            break
        }
        while end > start, (spaces + [0x3B]).contains(bytes[end - 1]) { end -= 1 }
        guard end > start, !bytes[start..<end].contains(0x7C) else { return nil }
        if end - start >= 2, bytes[start] == 0x22, bytes[end - 1] == 0x22 {
            start += 1
            end -= 1
        }
        guard !bytes[start..<end].contains(0x22) else { return nil }
        let value = String(decoding: bytes[start..<end], as: UTF8.self)
        let name = Name(text: option, range: place(optionStart, optionEnd, in: bytes))
        return Statement(kind: .set(option: name, arguments: [Expr(kind: .string(value), range: place(start, end, in: bytes))]),
                         range: SourceRange(start: 0, end: end, line: 1, column: 1))
    }

    /// The range of bytes `start..<end` of `bytes`, with its line and column.
    static func place(_ start: Int, _ end: Int, in bytes: [UInt8]) -> SourceRange {
        var line = 1, lineStart = 0
        for j in 0..<start where bytes[j] == 0x0A {
            line += 1
            lineStart = j + 1
        }
        let column = 1 + String(decoding: bytes[lineStart..<start], as: UTF8.self).count
        return SourceRange(start: start, end: end, line: line, column: column)
    }
}
