/// Splits statement text into tokens.
///
/// Comments start with `#` or `--` and run to the end of the line. Errors
/// (an unterminated string, a character that starts no token) are
/// diagnostics, not crashes; the lexer always reaches the end of the text.
public struct Lexer: Sendable {
    public let source: String
    private let bytes: [UInt8]

    public init(_ source: String) {
        self.source = source
        bytes = Array(source.utf8)
    }

    /// What lexing gave: the tokens, and any errors.
    public struct Output: Sendable {
        public var tokens: [Token] = []
        public var diagnostics: [Diagnostic] = []
        /// Set when the text ends inside a string.
        public var unterminatedString = false
    }

    /// The text a token covers.
    public func text(of token: Token) -> Substring {
        Substring(String(decoding: bytes[token.range.start..<token.range.end], as: UTF8.self))
    }

    /// Lexes the whole text.
    public func tokenize() -> Output {
        var output = Output()
        var i = 0
        var line = 1
        var lineStart = 0
        let n = bytes.count
        // Columns are counted in characters, carried forward from the last token on the line.
        var counted = (offset: 0, column: 1)
        func range(_ start: Int, _ end: Int) -> SourceRange {
            if counted.offset < lineStart || counted.offset > start { counted = (lineStart, 1) }
            counted.column += characterCount(counted.offset, start)
            counted.offset = start
            return SourceRange(start: start, end: end, line: line, column: counted.column)
        }
        while i < n {
            let c = bytes[i]
            if c == 0x0A {
                i += 1
                line += 1
                lineStart = i
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
            if c == 0x23 || (c == 0x2D && i + 1 < n && bytes[i + 1] == 0x2D) {
                while i < n && bytes[i] != 0x0A { i += 1 }
                continue
            }
            let start = i
            if c == 0x22 {
                let startRange = range(start, start + 1)
                i += 1
                var closed = false
                while i < n {
                    if bytes[i] == 0x5C && i + 1 < n {
                        if bytes[i + 1] != 0x22 && bytes[i + 1] != 0x5C {
                            var end = i + 2
                            while end < n && bytes[end] & 0xC0 == 0x80 { end += 1 }
                            let escape = String(decoding: bytes[i..<end], as: UTF8.self)
                            output.diagnostics.append(Diagnostic(.error, Messages.unknownEscape(escape), at: range(i, end)))
                        }
                        i += 2
                        continue
                    }
                    if bytes[i] == 0x22 { closed = true; i += 1; break }
                    if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
                    i += 1
                }
                var tokenRange = startRange
                tokenRange.end = i
                output.tokens.append(Token(kind: .string, range: tokenRange))
                if !closed {
                    output.unterminatedString = true
                    output.diagnostics.append(Diagnostic(.error, "this string is never closed; add a \"", at: startRange))
                }
                continue
            }
            if c == 0x2E && output.tokens.isEmpty && i + 1 < n && isWordByte(bytes[i + 1]) {
                i += 1
                while i < n && isWordByte(bytes[i]) { i += 1 }
                output.tokens.append(Token(kind: .dotCommand, range: range(start, i)))
                continue
            }
            if isDigit(c) {
                let kind = scanNumberLike(&i)
                output.tokens.append(Token(kind: kind, range: range(start, i)))
                continue
            }
            if isWordByte(c) {
                while i < n && isWordByte(bytes[i]) { i += 1 }
                output.tokens.append(Token(kind: .word, range: range(start, i)))
                continue
            }
            if let length = symbolLength(at: i) {
                i += length
                output.tokens.append(Token(kind: .symbol, range: range(start, i)))
                continue
            }
            var end = i + 1
            while end < n && bytes[end] & 0xC0 == 0x80 { end += 1 }
            let character = String(decoding: bytes[i..<end], as: UTF8.self)
            output.diagnostics.append(Diagnostic(.error, "unexpected character \"\(character)\"", at: range(i, end)))
            i = end
        }
        return output
    }

    /// Scans `42`, `0.5`, `90s`, `30min`, `2026-03-01`, `2026-03`, `2026-Q1`.
    private func scanNumberLike(_ i: inout Int) -> Token.Kind {
        let n = bytes.count
        let start = i
        while i < n && isDigit(bytes[i]) { i += 1 }
        if i - start == 4, i + 1 < n, bytes[i] == 0x2D, isDigit(bytes[i + 1]) || bytes[i + 1] | 0x20 == 0x71 {
            i += 1
            if bytes[i] | 0x20 == 0x71 { i += 1 }
            while i < n && isDigit(bytes[i]) { i += 1 }
            if i + 1 < n, bytes[i] == 0x2D, isDigit(bytes[i + 1]) {
                i += 1
                while i < n && isDigit(bytes[i]) { i += 1 }
                if i + 1 < n, bytes[i] | 0x20 == 0x74, isDigit(bytes[i + 1]) {
                    // A time of day: 2026-11-23T09:30:00Z, …+02:00
                    i += 1
                    while i < n, isDigit(bytes[i]) || bytes[i] == 0x3A || bytes[i] == 0x2E { i += 1 }
                    if i < n, bytes[i] | 0x20 == 0x7A {
                        i += 1
                    } else if i + 1 < n, bytes[i] == 0x2B || bytes[i] == 0x2D, isDigit(bytes[i + 1]) {
                        i += 1
                        while i < n, isDigit(bytes[i]) || bytes[i] == 0x3A { i += 1 }
                    }
                }
            }
            return .date
        }
        if i + 1 < n, bytes[i] == 0x2E, isDigit(bytes[i + 1]) {
            i += 1
            while i < n && isDigit(bytes[i]) { i += 1 }
        }
        if i < n, isLetter(bytes[i]) {
            while i < n && isWordByte(bytes[i]) { i += 1 }
            return .duration
        }
        return .number
    }

    private func symbolLength(at i: Int) -> Int? {
        let c = bytes[i]
        let next: UInt8 = i + 1 < bytes.count ? bytes[i + 1] : 0
        switch c {
        case 0x21: return next == 0x3D ? 2 : nil  // !=
        case 0x3C, 0x3E: return next == 0x3D || (c == 0x3C && next == 0x3E) ? 2 : 1  // < <= <> > >=
        case 0x3D: return next == 0x3D ? 2 : 1  // = ==
        case 0x2C, 0x28, 0x29, 0x7C, 0x3B, 0x2E, 0x2A, 0x2B, 0x2D, 0x2F, 0x25: return 1
        default: return nil
        }
    }

    /// Characters (not bytes) from `start` to `end`.
    private func characterCount(_ start: Int, _ end: Int) -> Int {
        var count = 0
        var i = start
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    private func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
    private func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 || c >= 0x80 }
    private func isWordByte(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) || c == 0x5F }
}
