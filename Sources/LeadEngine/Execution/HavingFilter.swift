import LeadQuery

/// Keeps the result rows for which a bound `having` filter holds. Columns
/// are named by position and constants are in the columns' own units, so
/// this only compares.
struct HavingFilter {
    let table: ResultTable

    func apply(_ predicate: ResultPredicate) -> ResultTable {
        table.gathered((0..<table.rowCount).filter { holds(predicate, $0) == true })
    }

    /// True, false, or nil for unknown (a null compared).
    private func holds(_ predicate: ResultPredicate, _ row: Int) -> Bool? {
        switch predicate {
        case .and(let a, let b):
            let x = holds(a, row), y = holds(b, row)
            if x == false || y == false { return false }
            return x == true && y == true ? true : nil
        case .or(let a, let b):
            let x = holds(a, row), y = holds(b, row)
            if x == true || y == true { return true }
            return x == false && y == false ? false : nil
        case .not(let a):
            return holds(a, row).map { !$0 }
        case .isNull(let column, let negated):
            return (table.columns[column].cell(row) == .null) != negated
        case .compare(let column, let op, let constant):
            let cell = table.columns[column].cell(row)
            switch (cell, constant) {
            case (.null, _): return nil
            case (.text(let text), .text(let value)):
                return Analyzer.holds(op, Analyzer.byteOrder(text, value))
            case (_, .number(let value)):
                let actual = table.columns[column].number(row) ?? .nan
                return Analyzer.holds(op, actual < value ? -1 : actual == value ? 0 : 1)
            default:
                return nil
            }
        }
    }
}
