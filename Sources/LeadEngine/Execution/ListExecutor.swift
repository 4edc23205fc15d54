import LeadQuery
import LeadStore

/// Runs `list`: the rows of leads or touches that pass the filter, in order,
/// with the columns asked for. Values are gathered as typed arrays (text as
/// dictionary codes), never as one string per cell. `list touches` lists
/// every loaded touch: one whose lead id is empty or names no lead reads
/// every lead field as null (see `ListExecutor+UnlinkedTouches`).
struct ListExecutor {
    let store: LeadStore
    /// Asked between the steps of a list and now and then while it sorts.
    var isCancelled: (@Sendable () -> Bool)?

    func run(_ list: BoundList) throws(Diagnostic) -> ResultTable {
        let space = RowSpace(grain: list.grain, store: store)
        var rows = select(list.filter, space: space)
        try checkCancelled()
        if !list.order.isEmpty {
            // Text sorts by each value's place among its column's values, found once.
            let keys = list.order.map { key -> (values: [Double], descending: Bool) in
                guard case .text(let text) = key.0.data else { return (numbers(key.0, at: rows, space: space), key.descending) }
                let ranks = Self.ranks(of: text.dictionary)
                let values = space.withIndices(rows, of: key.0) { index in
                    text.codes.withReader { codes in
                        index.map { i -> Double in
                            let code = i == FollowUpIndex.noLead ? Null.textCode : codes[Int(i)]
                            return code == Null.textCode ? Double.nan : Double(ranks[Int(code)])
                        }
                    }
                }
                return (values, key.descending)
            }
            var comparisons = 0
            var stopped = false
            let order = rows.indices.sorted { a, b in
                comparisons &+= 1
                if comparisons & 0xFFFF == 0, isCancelled?() == true { stopped = true }
                if stopped { return a < b }
                for key in keys {
                    let x = key.values[a], y = key.values[b]
                    let result = x.isNaN ? (y.isNaN ? 0 : 2) : y.isNaN ? -2 : x < y ? -1 : x > y ? 1 : 0
                    if result == 0 { continue }
                    if abs(result) == 2 { return result < 0 }
                    return key.descending ? result > 0 : result < 0
                }
                return a < b
            }
            try checkCancelled()
            rows = order.map { rows[$0] }
        }
        if let limit = list.limit, limit < rows.count { rows = Array(rows.prefix(limit)) }
        var columns: [ResultColumn] = []
        for column in list.columns {
            columns.append(self.column(for: column, rows: rows, space: space))
            try checkCancelled()
        }
        var table = ResultTable(columns: columns, rowCount: rows.count)
        table.warnings = list.warnings
        return table
    }

    private func checkCancelled() throws(Diagnostic) {
        if isCancelled?() == true { throw EngineMessages.interrupted }
    }

    /// Each code's place among the dictionary's values in `String` order;
    /// values equal as strings share a place.
    static func ranks(of dictionary: TextDictionary) -> [Int32] {
        let values = dictionary.values
        let sorted = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Int32](repeating: 0, count: values.count)
        var rank: Int32 = 0
        for (position, code) in sorted.enumerated() {
            if position > 0 && values[sorted[position - 1]] < values[code] { rank += 1 }
            ranks[code] = rank
        }
        return ranks
    }

    private func column(for column: ColumnRef, rows: [UInt32], space: RowSpace) -> ResultColumn {
        // A touch of no lead has the lead index `noLead`, and null lead fields.
        let none = FollowUpIndex.noLead
        return space.withIndices(rows, of: column) { index in
            switch column.data {
            case .text(let text):
                return ResultColumn(name: column.name, kind: .text,
                                    values: .text(text.codes.withReader { codes in index.map { $0 == none ? Null.textCode : codes[Int($0)] } }, text.dictionary))
            case .number(let values):
                return ResultColumn(name: column.name, kind: .number, values: .doubles(index.map { $0 == none ? .nan : values[Int($0)] }))
            case .count(let values):
                return ResultColumn(name: column.name, kind: .count,
                                    values: .ints(index.map { $0 == none || values[Int($0)] == Null.count ? .min : Int64(values[Int($0)]) }))
            case .timestamp(let values):
                return ResultColumn(name: column.name, kind: .timestamp, values: .ints(index.map { $0 == none ? Null.timestamp : values[Int($0)] }))
            case .duration(let values):
                return ResultColumn(name: column.name, kind: .duration,
                                    values: .doubles(index.map { $0 == none || values[Int($0)] == Null.timestamp ? .nan : Double(values[Int($0)]) }))
            }
        }
    }
}
