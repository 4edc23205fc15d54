import LeadStore

/// The order `.check` shows touches and lead ids in, the same in memory and
/// on an engine (where it is an `ORDER BY`): by lead id, compared by bytes,
/// touches with no lead id last; then by time; then by the touch's other
/// columns in the file's order. Nulls sort last, text by bytes.
extension DataReports {
    /// `rows` of the touches table in that order.
    static func sampleOrder(_ rows: [UInt32], of touches: Table) -> [UInt32] {
        guard let ids = touches.text("lead_id") else { return rows }
        // Each lead id met, ranked by its bytes; no id ranks after every one.
        let codes = Set(rows.map { ids.codes[Int($0)] }).filter { $0 != Null.textCode }
        let ranked = codes.sorted { Array(ids.dictionary[$0].utf8).lexicographicallyPrecedes(Array(ids.dictionary[$1].utf8)) }
        var rank: [UInt32: Int] = [:]
        for (place, code) in ranked.enumerated() { rank[code] = place }
        let columns = [touches["at"]].compactMap { $0 } + touches.columns.filter { $0.name != "lead_id" && $0.name != "at" }
        return rows.sorted { a, b in
            let p = rank[ids.codes[Int(a)]] ?? Int.max, q = rank[ids.codes[Int(b)]] ?? Int.max
            if p != q { return p < q }
            for column in columns {
                let order = compare(column.data, Int(a), Int(b))
                if order != 0 { return order < 0 }
            }
            return a < b
        }
    }

    /// Lead ids in that order: by their bytes.
    static func idOrder(_ ids: [String]) -> [String] {
        ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// -1, 0 or 1 as row `a`'s value sorts before, with or after row `b`'s; nulls last.
    private static func compare(_ data: ColumnData, _ a: Int, _ b: Int) -> Int {
        func order<T: Comparable>(_ x: T?, _ y: T?) -> Int {
            switch (x, y) {
            case (nil, nil): 0
            case (nil, _): 1
            case (_, nil): -1
            case (let x?, let y?): x < y ? -1 : (x == y ? 0 : 1)
            }
        }
        switch data {
        case .text(let column):
            let x = column.codes[a], y = column.codes[b]
            guard x != y else { return 0 }
            if x == Null.textCode || y == Null.textCode { return x == Null.textCode ? 1 : -1 }
            let p = Array(column.dictionary[x].utf8), q = Array(column.dictionary[y].utf8)
            return p == q ? 0 : (p.lexicographicallyPrecedes(q) ? -1 : 1)
        case .number(let values): return order(values[a].isNaN ? nil : values[a], values[b].isNaN ? nil : values[b])
        case .timestamp(let values), .duration(let values):
            return order(values[a] == Null.timestamp ? nil : values[a], values[b] == Null.timestamp ? nil : values[b])
        case .count(let values): return order(values[a] == Null.count ? nil : values[a], values[b] == Null.count ? nil : values[b])
        }
    }
}
