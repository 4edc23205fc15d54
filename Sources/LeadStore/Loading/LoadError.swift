/// A data file that cannot be loaded, and where the trouble is.
///
/// Reads as `FILE:LINE:COLUMN: error: MESSAGE`, where COLUMN is the field's
/// position in the CSV row (1 for the first field), like a compiler message
/// that an editor can jump to.
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The line of the file, counting from 1, when the error has one.
    public var line: Int?
    /// The field number in the row, counting from 1, when the error has one.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): error: \(message)"
    }
}
