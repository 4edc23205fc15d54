/// `running(m)` and `of_total(m)`: once the rows are in their final order
/// (and before `top`/`limit` cut them), each such column is computed down
/// the rows from the plain values the groups gave.
enum RowwiseMeasures {
    static func apply(_ table: ResultTable, query: BoundQuery) -> ResultTable {
        guard query.measures.contains(where: { $0.rowwise != nil }) else { return table }
        var table = table
        let offset = query.groups.count
        func numbers(_ measure: Int) -> [Double] {
            let column = table.columns[offset + measure]
            return (0..<table.rowCount).map { column.number($0) ?? 0 }
        }
        for (index, measure) in query.measures.enumerated() {
            guard let rowwise = measure.rowwise else { continue }
            let values: [Double]
            switch rowwise {
            case .running:
                values = runningSum(numbers(index))
            case .ofTotal:
                let own = numbers(index), total = own.reduce(0, +)
                values = own.map { total == 0 ? .nan : $0 / total }
            case .runningOfTotal:
                let own = numbers(index), total = own.reduce(0, +)
                values = runningSum(own).map { total == 0 ? .nan : $0 / total }
            case .runningRatio(let numerator, let denominator):
                values = zip(runningSum(numbers(numerator)), runningSum(numbers(denominator))).map { $1 == 0 ? .nan : $0 / $1 }
            }
            var column = QueryExecutor.measureColumn(measure, values)
            column.bands = nil
            table.columns[offset + index] = column
        }
        return table
    }

    private static func runningSum(_ values: [Double]) -> [Double] {
        var total = 0.0
        return values.map { total += $0; return total }
    }
}
