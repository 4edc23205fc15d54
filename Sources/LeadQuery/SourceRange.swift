/// A span of a statement's text, in UTF-8 byte offsets, with the line and
/// column (counting from 1, in characters) where it starts.
public struct SourceRange: Sendable, Equatable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public var line: Int
    public var column: Int

    public init(start: Int, end: Int, line: Int, column: Int) {
        self.start = start
        self.end = end
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
