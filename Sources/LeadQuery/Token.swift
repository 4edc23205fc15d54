/// One token of a statement: its kind and where it lies. A token holds no
/// text of its own; `Lexer.text(of:)` reads it from the statement when needed.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A name or keyword: `rate`, `where`, `segment`.
        case word
        /// A string in double quotes, `\"` and `\\` inside.
        case string
        /// A number: `42`, `0.5`.
        case number
        /// A number with a time unit: `90s 30min 1h 2d 1w`.
        case duration
        /// A date: `2026-03-01`, `2026-03`, `2026-Q1`.
        case date
        /// Punctuation or an operator: `= != < <= > >= , ( ) | ; .`
        case symbol
        /// A `.command` at the start of a statement.
        case dotCommand
    }

    public var kind: Kind
    public var range: SourceRange
}
