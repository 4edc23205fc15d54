/// A data source that cannot be loaded, and where the trouble is.
///
/// Reads as `SOURCE: error: MESSAGE`, with the place the source's reader
/// names between: `FILE:LINE:COLUMN` for a CSV file, where COLUMN is the
/// field's position in the row (1 for the first field), like a compiler
/// message that an editor can jump to; `TABLE row N, column "C"` for a
/// database table.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the source is called: a path, a table, an option.
    public var file: String
    /// The row or line the error is in, when it has one.
    public var place: RowPlace?
    public var message: String

    public init(file: String, place: RowPlace?, message: String) {
        self.file = file
        self.place = place
        self.message = message
    }

    /// An error at a line of a file (counting from 1), and a field of it (counting from 1).
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.init(file: file, place: line.map { .line($0, field: column) }, message: message)
    }

    /// The line of the file, when the error is at one.
    public var line: Int? {
        if case .line(let line, _) = place { line } else { nil }
    }

    /// The field number in the line's row, when the error has one.
    public var column: Int? {
        if case .line(_, let field) = place { field } else { nil }
    }

    public var description: String {
        "\(placed): error: \(message)"
    }

    /// `SOURCE: MESSAGE` with the place, for a report that says "error" itself.
    public var withoutSeverity: String {
        "\(placed): \(message)"
    }

    private var placed: String { place?.written(after: file) ?? file }
}
