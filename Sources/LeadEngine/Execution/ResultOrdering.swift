import LeadQuery

/// Putting result rows in order: by group keys when nothing is asked, by
/// `order by` keys otherwise. Nulls come last either way.
enum ResultOrdering {
    /// Groups in ascending order of their keys: time, numbers, then text by value.
    static func defaultOrder(_ table: ResultTable, groupCount: Int) -> ResultTable {
        guard groupCount > 0, table.rowCount > 1 else { return table }
        let keys = (0..<groupCount).map { (table.columns[$0], false) }
        return table.gathered(sortedRows(table, keys))
    }

    /// The rows in `order by` order: keys are result-column positions.
    static func order(_ table: ResultTable, by keys: [(column: Int, descending: Bool)]) -> ResultTable {
        guard !keys.isEmpty else { return table }
        return table.gathered(sortedRows(table, keys.map { (table.columns[$0.column], $0.descending) }))
    }

    private static func sortedRows(_ table: ResultTable, _ keys: [(ResultColumn, Bool)]) -> [Int] {
        let rows = Array(0..<table.rowCount)
        return rows.sorted { a, b in
            for (column, descending) in keys {
                let order = compare(column.cell(a), column.cell(b))
                if order == 0 { continue }
                if order == 2 { return false }
                if order == -2 { return true }
                return descending ? order > 0 : order < 0
            }
            return a < b
        }
    }

    /// -1, 0, 1 for values; ±2 when one side is null (nulls last).
    private static func compare(_ a: Cell, _ b: Cell) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return 2
        case (_, .null): return -2
        case (.int(let x), .int(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.double(let x), .double(let y)): return x < y ? -1 : x > y ? 1 : 0
        case (.int(let x), .double(let y)): return Double(x) < y ? -1 : Double(x) > y ? 1 : 0
        case (.double(let x), .int(let y)): return x < Double(y) ? -1 : x > Double(y) ? 1 : 0
        case (.text(let x), .text(let y)):
            let lx = x.lowercased(), ly = y.lowercased()
            if lx != ly { return lx < ly ? -1 : 1 }
            return x < y ? -1 : x > y ? 1 : 0
        default: return 0
        }
    }
}
