import LeadQuery
import LeadStore

/// Evaluates a bound predicate over rows with three-valued logic, as one
/// byte per row: 0 false, 1 unknown (a comparison with null), 2 true. `and`
/// is the minimum, `or` the maximum, `not` is 2 − x; a row is selected
/// when its value is 2. Each leaf dispatches on the column type once and
/// then runs a tight loop over the rows.
struct PredicateEvaluator {
    let space: RowSpace

    /// The truth of `predicate` for each of `rows`.
    func evaluate(_ predicate: BoundPredicate, rows: [UInt32]) -> [UInt8] {
        switch predicate {
        case .always(let value):
            return [UInt8](repeating: value ? 2 : 0, count: rows.count)
        case .followUp:
            return space.isFollowUp.withUnsafeBufferPointer { flags in
                rows.withUnsafeBufferPointer { rows in
                    [UInt8](unsafeUninitializedCapacity: rows.count) { truth, count in
                        // A Bool is the byte 0 or 1: doubled, it is false (0) or true (2).
                        for i in 0..<rows.count { truth[i] = unsafeBitCast(flags[Int(rows[i])], to: UInt8.self) << 1 }
                        count = rows.count
                    }
                }
            }
        case .not(let inner):
            var values = evaluate(inner, rows: rows)
            for i in values.indices { values[i] = 2 &- values[i] }
            return values
        case .and(let a, let b):
            var values = evaluate(a, rows: rows)
            let other = evaluate(b, rows: rows)
            for i in values.indices { values[i] = min(values[i], other[i]) }
            return values
        case .or(let a, let b):
            var values = evaluate(a, rows: rows)
            let other = evaluate(b, rows: rows)
            for i in values.indices { values[i] = max(values[i], other[i]) }
            return values
        case .textTruth(let column, let truth, let nullValue, _):
            guard case .text(let text) = column.data else { return [] }
            return space.withIndices(rows, of: column) { index in
                text.codes.withReader { codes in
                    truth.withUnsafeBufferPointer { truth in
                        index.map { row in
                            let code = codes[Int(row)]
                            return code == Null.textCode ? nullValue : truth[Int(code)]
                        }
                    }
                }
            }
        case .isNull(let column, let negated):
            return space.withIndices(rows, of: column) { index in
                index.map { column.data.isNull(Int($0)) != negated ? 2 : 0 }
            }
        case .range(let column, let lower, let upper):
            guard case .timestamp(let values) = column.data else { return [] }
            return space.withIndices(rows, of: column) { index in
                values.withUnsafeBufferPointer { v in
                    index.map { row in
                        let t = v[Int(row)]
                        return t == Null.timestamp ? 1 : (t >= lower && t < upper ? 2 : 0)
                    }
                }
            }
        case .compare(let column, let op, let constant):
            return compare(column, op, constant, rows: rows)
        }
    }

    private func compare(_ column: ColumnRef, _ op: ComparisonOperator, _ constant: Double, rows: [UInt32]) -> [UInt8] {
        @inline(__always) func test(_ value: Double) -> UInt8 {
            let holds: Bool
            switch op {
            case .equal: holds = value == constant
            case .notEqual: holds = value != constant
            case .less: holds = value < constant
            case .lessOrEqual: holds = value <= constant
            case .greater: holds = value > constant
            case .greaterOrEqual: holds = value >= constant
            }
            return holds ? 2 : 0
        }
        return space.withIndices(rows, of: column) { index in
            switch column.data {
            case .number(let values):
                return values.withUnsafeBufferPointer { v in index.map { v[Int($0)].isNaN ? 1 : test(v[Int($0)]) } }
            case .count(let values):
                return values.withUnsafeBufferPointer { v in
                    wholeCompare(v, at: index, null: Null.count, op, constant)
                        ?? index.map { v[Int($0)] == Null.count ? 1 : test(Double(v[Int($0)])) }
                }
            case .timestamp(let values), .duration(let values):
                return values.withUnsafeBufferPointer { v in
                    wholeCompare(v, at: index, null: Null.timestamp, op, constant)
                        ?? index.map { v[Int($0)] == Null.timestamp ? 1 : test(Double(v[Int($0)])) }
                }
            case .text:
                return [UInt8](repeating: 1, count: index.count)
            }
        }
    }

    /// The rows for which `predicate` holds.
    func select(_ predicate: BoundPredicate?, rows: [UInt32]) -> [UInt32] {
        switch predicate {
        case nil:
            return rows
        case .and(let a, let b)?:
            // A row is kept when both hold: the second is asked only of the rows the first keeps.
            return select(b, rows: select(a, rows: rows))
        case .followUp?:
            // Read straight from the flags, with no truth per row in between.
            return space.isFollowUp.withUnsafeBufferPointer { flags in
                rows.withUnsafeBufferPointer { rows in
                    [UInt32](unsafeUninitializedCapacity: rows.count) { kept, count in
                        var n = 0
                        for i in 0..<rows.count {
                            kept[n] = rows[i]
                            n &+= Int(unsafeBitCast(flags[Int(rows[i])], to: UInt8.self))
                        }
                        count = n
                    }
                }
            }
        case let predicate?:
            return Self.kept(rows, where: evaluate(predicate, rows: rows))
        }
    }

    /// The elements whose truth is 2, in order: every element is written and
    /// the count moves on by the truth's high bit, so mixed rows cost no
    /// mispredicted branch.
    static func kept<Element>(_ elements: [Element], where truth: [UInt8]) -> [Element] {
        precondition(truth.count == elements.count, "a truth per element")
        return elements.withUnsafeBufferPointer { elements in
            truth.withUnsafeBufferPointer { truth in
                [Element](unsafeUninitializedCapacity: elements.count) { kept, count in
                    var n = 0
                    for i in 0..<elements.count {
                        (kept.baseAddress! + n).initialize(to: elements[i])
                        n &+= Int(truth[i] &>> 1)
                    }
                    count = n
                }
            }
        }
    }
}
