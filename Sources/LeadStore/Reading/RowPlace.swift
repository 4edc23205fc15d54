/// Where in a source a row, or a value in it, is: each reader names its
/// rows in its own terms.
public enum RowPlace: Sendable, Equatable {
    /// A line of a text file and a field's number in its row, both from 1:
    /// written `FILE:LINE:COLUMN`, as a compiler message an editor can jump to.
    case line(Int, field: Int? = nil)
    /// A row of a table, from 1, and a column by its name: written
    /// `TABLE row N, column "C"`.
    case row(Int, column: String? = nil)

    /// The place after the source's name, as an error's first words write it.
    func written(after source: String) -> String {
        switch self {
        case .line(let line, let field): "\(source):\(line)" + (field.map { ":\($0)" } ?? "")
        case .row(let row, let column): "\(source) row \(row)" + (column.map { ", column \"\($0)\"" } ?? "")
        }
    }

    /// The place within a sentence: `line 12`, `row 3`.
    public var inProse: String {
        switch self {
        case .line(let line, _): "line \(line)"
        case .row(let row, _): "row \(row)"
        }
    }
}
