import Foundation

/// Reordering rows in place where only short runs of rows are out of place,
/// as when touches come grouped by lead but not quite in time order.
extension Table {
    /// Reorders the rows of each range in `runs`: the rows of the ranges, one
    /// after another, become the rows named in `sources` (which name rows of
    /// the same ranges). Rows outside the ranges stay where they are, and so
    /// does column `kept`, whose values the caller knows are the same
    /// throughout each range. One column per core at a time, without copying
    /// the untouched rows.
    mutating func reorder(runs: [Range<Int>], sources: [UInt32], except kept: String) {
        guard !runs.isEmpty else { return }
        var taken = columns
        columns = []
        taken.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedColumns(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: buffer.count) { index in
                if shared.base[index].name != kept { shared.base[index].data.reorder(runs: runs, sources: sources) }
            }
        }
        columns = taken
    }
}

extension Table {
    /// Puts the rows in the order of `rows` (row `i` becomes the row that
    /// was `rows[i]`), one column at a time on every core; each column's old
    /// values are let go as soon as its new ones are made, so that the table
    /// is never held twice and only one column is held twice at a time.
    /// Column `kept`, if given, is left as it is, for the caller to replace.
    mutating func gather(_ rows: [UInt32], except kept: String? = nil) {
        precondition(rows.count == rowCount, "a gather in place keeps every row")
        for index in columns.indices where columns[index].name != kept {
            let data = columns[index].data
            columns[index].data = .count([])
            columns[index].data = data.gathered(rows)
        }
    }
}

/// The columns of a table being reordered, each worker writing a column of its own.
private struct SharedColumns: @unchecked Sendable {
    let base: UnsafeMutablePointer<Column>
}

extension ColumnData {
    /// See `Table.reorder(runs:sources:)`.
    mutating func reorder(runs: [Range<Int>], sources: [UInt32]) {
        switch self {
        case .text(var column):
            self = .count([])
            column.codes.reorder(runs: runs, sources: sources)
            self = .text(column)
        case .number(var values):
            self = .count([])
            values.reorder(runs: runs, sources: sources)
            self = .number(values)
        case .timestamp(var values):
            self = .count([])
            values.reorder(runs: runs, sources: sources)
            self = .timestamp(values)
        case .duration(var values):
            self = .count([])
            values.reorder(runs: runs, sources: sources)
            self = .duration(values)
        case .count(var values):
            self = .count([])
            values.reorder(runs: runs, sources: sources)
            self = .count(values)
        }
    }
}

extension Array {
    /// See `Table.reorder(runs:sources:)`.
    mutating func reorder(runs: [Range<Int>], sources: [UInt32]) {
        let longest = runs.reduce(0) { Swift.max($0, $1.count) }
        let scratch = UnsafeMutableBufferPointer<Element>.allocate(capacity: longest)
        defer { scratch.deallocate() }
        var next = 0
        withUnsafeMutableBufferPointer { values in
            sources.withUnsafeBufferPointer { sources in
                for run in runs {
                    for offset in 0..<run.count { scratch.initializeElement(at: offset, to: values[Int(sources[next + offset])]) }
                    for offset in 0..<run.count { values[run.lowerBound + offset] = scratch.moveElement(from: offset) }
                    next += run.count
                }
            }
        }
    }
}
