/// Tells whether statement text is complete or continues on the next line.
///
/// A statement continues while a bracket or quote is open, or when its last
/// token is `,`, an operator, `|`, or a clause keyword (`where`, `by`,
/// `and`, …) that must be followed by more.
public enum StatementBoundary {
    /// Whether `text` is a complete statement (or several), ready to run.
    public static func isComplete(_ text: String) -> Bool {
        let lexer = Lexer(text)
        let output = lexer.tokenize()
        if output.unterminatedString { return false }
        var depth = 0
        for token in output.tokens where token.kind == .symbol {
            switch lexer.text(of: token) {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case ";": depth = 0
            default: break
            }
        }
        if depth > 0 { return false }
        guard let last = output.tokens.last else { return true }
        if output.tokens.first?.kind == .dotCommand { return true }
        let text = lexer.text(of: last)
        switch last.kind {
        case .symbol: return [")", ";", "*", "%"].contains(text)
        case .word: return Keyword(word: String(text))?.continuesStatement != true
        default: return true
        }
    }
}

extension StatementBoundary {
    /// One statement of a text that may hold several.
    public struct Piece: Sendable, Equatable {
        public var text: String
        /// The line of the whole text on which the piece starts, counting from 1.
        public var line: Int
    }

    /// Splits complete text at top-level `;`. A dot command runs to the end of its line.
    public static func split(_ text: String) -> [Piece] {
        let lexer = Lexer(text)
        let tokens = lexer.tokenize().tokens
        if tokens.first?.kind == .dotCommand {
            return [Piece(text: text.trimmingWhitespace(), line: tokens[0].range.line)]
        }
        var pieces: [Piece] = []
        let utf8 = Array(text.utf8)
        var start = 0
        var startLine = tokens.first?.range.line ?? 1
        var depth = 0
        var hasTokens = false
        for (index, token) in tokens.enumerated() {
            let symbol = token.kind == .symbol ? lexer.text(of: token) : ""
            if symbol == "(" { depth += 1 } else if symbol == ")" { depth = max(0, depth - 1) }
            guard symbol == ";", depth == 0 else {
                hasTokens = true
                continue
            }
            if hasTokens {
                pieces.append(Piece(text: String(decoding: utf8[start..<token.range.start], as: UTF8.self), line: startLine))
            }
            start = token.range.end
            startLine = index + 1 < tokens.count ? tokens[index + 1].range.line : token.range.line
            depth = 0
            hasTokens = false
        }
        if hasTokens { pieces.append(Piece(text: String(decoding: utf8[start...], as: UTF8.self), line: startLine)) }
        return pieces
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
