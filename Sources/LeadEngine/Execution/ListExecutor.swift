import LeadQuery
import LeadStore

/// Runs `list`: the rows of leads or touches that pass the filter, in order,
/// with the columns asked for. Values are gathered as typed arrays (text as
/// dictionary codes), never as one string per cell.
struct ListExecutor {
    let store: LeadStore

    func run(_ list: BoundList) -> ResultTable {
        let space = RowSpace(grain: list.grain, store: store)
        var rows = PredicateEvaluator(space: space).select(list.filter, rows: space.allRows)
        if !list.order.isEmpty {
            let keys = list.order.map { (space.numbers($0.0, at: rows), $0.0, $0.descending) }
            let texts: [[String?]?] = list.order.map { key in
                guard case .text(let text) = key.0.data else { return nil }
                return space.withIndices(rows, of: key.0) { index in index.map { text.value(at: Int($0)) } }
            }
            let order = rows.indices.sorted { a, b in
                for (k, key) in keys.enumerated() {
                    let result: Int
                    if let text = texts[k] {
                        result = Self.compare(text[a], text[b])
                    } else {
                        let x = key.0[a], y = key.0[b]
                        result = x.isNaN ? (y.isNaN ? 0 : 2) : y.isNaN ? -2 : x < y ? -1 : x > y ? 1 : 0
                    }
                    if result == 0 { continue }
                    if abs(result) == 2 { return result < 0 }
                    return key.2 ? result > 0 : result < 0
                }
                return a < b
            }
            rows = order.map { rows[$0] }
        }
        if let limit = list.limit, limit < rows.count { rows = Array(rows.prefix(limit)) }
        var table = ResultTable(columns: list.columns.map { column(for: $0, rows: rows, space: space) }, rowCount: rows.count)
        table.warnings = list.warnings
        return table
    }

    private func column(for column: ColumnRef, rows: [UInt32], space: RowSpace) -> ResultColumn {
        space.withIndices(rows, of: column) { index in
            switch column.data {
            case .text(let text):
                return ResultColumn(name: column.name, kind: .text, values: .text(index.map { text.codes[Int($0)] }, text.dictionary))
            case .number(let values):
                return ResultColumn(name: column.name, kind: .number, values: .doubles(index.map { values[Int($0)] }))
            case .count(let values):
                return ResultColumn(name: column.name, kind: .count, values: .ints(index.map { values[Int($0)] == Null.count ? .min : Int64(values[Int($0)]) }))
            case .timestamp(let values):
                return ResultColumn(name: column.name, kind: .timestamp, values: .ints(index.map { values[Int($0)] }))
            case .duration(let values):
                return ResultColumn(name: column.name, kind: .duration,
                                    values: .doubles(index.map { values[Int($0)] == Null.timestamp ? .nan : Double(values[Int($0)]) }))
            }
        }
    }

    private static func compare(_ a: String?, _ b: String?) -> Int {
        switch (a, b) {
        case (nil, nil): 0
        case (nil, _): 2
        case (_, nil): -2
        case (let x?, let y?): x < y ? -1 : x > y ? 1 : 0
        }
    }
}
