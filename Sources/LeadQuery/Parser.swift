/// Turns statement text into syntax trees.
///
/// A hand-written recursive-descent parser over the lexer's tokens. Each
/// parse function names the grammar rule it reads. Every error leaves
/// through `fail`, which records a diagnostic at the token in hand; the
/// parser never crashes, and nesting is bounded so deep input cannot
/// overflow the stack.
public struct Parser {
    static let maximumDepth = 200
    static let maximumTokens = 100_000

    let lexer: Lexer
    var tokens: [Token]
    var index = 0
    var depth = 0

    /// A syntax error: parsing stops at the first one.
    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    /// Parses one statement (the shell splits text at `;` first).
    public static func parse(_ text: String) -> (statement: Statement?, diagnostics: [Diagnostic]) {
        if let statement = rawSettingStatement(text) ?? localNowStatement(text) { return (statement, []) }
        let lexer = Lexer(text)
        let output = lexer.tokenize()
        if let first = output.diagnostics.first { return (nil, [first]) }
        var parser = Parser(lexer: lexer, tokens: output.tokens)
        if output.tokens.count > maximumTokens {
            return (nil, [Diagnostic(.error, Messages.tooLong, at: output.tokens[maximumTokens].range)])
        }
        do {
            return (try parser.parseStatement(), [])
        } catch {
            return (nil, [error.diagnostic])
        }
    }

    // MARK: Tokens

    var current: Token? { index < tokens.count ? tokens[index] : nil }
    var atEnd: Bool { index >= tokens.count }

    func text(_ token: Token) -> String { String(lexer.text(of: token)) }

    /// Where the token in hand is, or just past the end of the text.
    var here: SourceRange {
        if let current { return current.range }
        guard var last = tokens.last?.range else { return SourceRange(start: 0, end: 0, line: 1, column: 1) }
        last.column += max(1, last.end - last.start)
        last.start = last.end
        return last
    }

    /// How the token in hand reads in a message.
    var describeCurrent: String {
        guard let current else { return "the end of the statement" }
        return "\"\(text(current))\""
    }

    func isWord(_ word: String, at offset: Int = 0) -> Bool {
        let position = index + offset
        guard position < tokens.count, tokens[position].kind == .word else { return false }
        return text(tokens[position]).lowercased() == word
    }

    func isSymbol(_ symbol: String, at offset: Int = 0) -> Bool {
        let position = index + offset
        guard position < tokens.count, tokens[position].kind == .symbol else { return false }
        return text(tokens[position]) == symbol
    }

    mutating func acceptWord(_ word: String) -> Bool {
        guard isWord(word) else { return false }
        index += 1
        return true
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        index += 1
        return true
    }

    mutating func expectWord(_ word: String) throws(Failure) {
        guard acceptWord(word) else { throw fail(Messages.expected(word, found: describeCurrent)) }
    }

    mutating func expectSymbol(_ symbol: String) throws(Failure) {
        guard acceptSymbol(symbol) else { throw fail(Messages.expected("\"\(symbol)\"", found: describeCurrent)) }
    }

    /// The one way out for a syntax error: a diagnostic at the token in hand.
    func fail(_ message: String, at range: SourceRange? = nil) -> Failure {
        Failure(diagnostic: Diagnostic(.error, message, at: range ?? here))
    }

    /// A range from `start` to the end of the last token taken.
    func span(from start: SourceRange) -> SourceRange {
        var range = start
        if index > 0 { range.end = max(range.end, tokens[index - 1].range.end) }
        return range
    }

    mutating func name() throws(Failure) -> Name {
        guard let token = current, token.kind == .word else { throw fail(Messages.expected("a name", found: describeCurrent)) }
        index += 1
        return Name(text: text(token), range: token.range)
    }

    /// Guards recursion: call on entering a nested rule, `leave()` on the way out.
    mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth { throw fail(Messages.tooDeep) }
    }

    mutating func leave() { depth -= 1 }
}
