import LeadStore

/// What a `COPY … TO STDOUT` in CSV with a header row sent, and where each
/// row's lines are: most rows are one line, a value holding line breaks
/// makes its row longer. Row 0 is the header; row N is the query's Nth row.
struct CopiedRows {
    /// The rows read, to be joined into a table; nil when reading stopped at an error.
    var stream: CSVStream?
    /// The first error reading the rows met (its place a line of the CSV text).
    var failure: LoadError?
    /// The size of the CSV text.
    var bytes = 0
    /// The rows of more than one line, in order, with how many lines more they take.
    var longRows: [(row: Int, extraLines: Int)] = []

    /// The row that line `line` (from 1) of the CSV text is part of.
    func row(atLine line: Int) -> Int {
        var extraBefore = 0
        for long in longRows {
            let start = 1 + long.row + extraBefore
            if line < start { break }
            if line <= start + long.extraLines { return long.row }
            extraBefore += long.extraLines
        }
        return line - 1 - extraBefore
    }
}
