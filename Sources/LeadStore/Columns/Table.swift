/// A table of typed columns with the same number of rows.
public struct Table: Sendable {
    public internal(set) var columns: [Column]
    public private(set) var rowCount: Int
    /// Where each column is, by name (a file may have a hundred thousand).
    private var positions: [String: Int] = [:]

    public init(rowCount: Int, columns: [Column] = []) {
        self.rowCount = rowCount
        self.columns = []
        for column in columns { append(column) }
    }

    /// The column named `name`, if there is one.
    public subscript(name: String) -> Column? {
        positions[name].map { columns[$0] }
    }

    /// Names of all columns, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// Adds a column, replacing one of the same name.
    public mutating func append(_ column: Column) {
        precondition(column.count == rowCount, "column \(column.name) has \(column.count) rows, table has \(rowCount)")
        if let index = positions[column.name] {
            columns[index] = column
        } else {
            positions[column.name] = columns.count
            columns.append(column)
        }
    }

    /// The same table with its rows picked and ordered by `rows`.
    public func gathered(_ rows: [UInt32]) -> Table {
        Table(rowCount: rows.count, columns: columns.map {
            Column(name: $0.name, origin: $0.origin, data: $0.data.gathered(rows))
        })
    }

    /// `gathered`, one column per core at a time.
    public func gatheredInParallel(_ rows: [UInt32]) -> Table {
        let columns = self.columns
        let gathered = ParallelResults<Column>.map(columns.count) { index in
            Column(name: columns[index].name, origin: columns[index].origin, data: columns[index].data.gathered(rows))
        }
        return Table(rowCount: rows.count, columns: gathered.map { $0! })
    }

    /// The text codes of column `name`, when it is a text column.
    public func text(_ name: String) -> TextColumn? {
        if case .text(let column)? = self[name]?.data { return column }
        return nil
    }

    /// The timestamps of column `name`, when it is a timestamp column.
    public func timestamps(_ name: String) -> [Int64]? {
        if case .timestamp(let values)? = self[name]?.data { return values }
        return nil
    }
}

extension Table {
    /// The same table with column `old` called `new`.
    public func renaming(_ old: String, to new: String) -> Table {
        Table(rowCount: rowCount, columns: columns.map {
            $0.name == old ? Column(name: new, origin: $0.origin, data: $0.data) : $0
        })
    }

    /// The same table without the columns named in `names`.
    public func removing(_ names: Set<String>) -> Table {
        Table(rowCount: rowCount, columns: columns.filter { !names.contains($0.name) })
    }
}
