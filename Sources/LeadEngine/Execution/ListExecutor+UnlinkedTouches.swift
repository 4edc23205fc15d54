import LeadStore

/// Touches whose lead id is empty or names no lead: the store keeps them
/// after the others (outside the touch grain's `RowSpace`, which aggregates
/// read), and `list touches` shows them too, reading every lead field of
/// such a touch as null: a filter on a lead field is unknown for it (so
/// `segment = "SMB"` leaves it out and `segment is null` keeps it), and a
/// sort on a lead field puts it with the nulls.
extension ListExecutor {
    /// The rows that pass `filter`: those of the grain, then any touches of no lead.
    func select(_ filter: BoundPredicate?, space: RowSpace) -> [UInt32] {
        let evaluator = PredicateEvaluator(space: space)
        var rows = evaluator.select(filter, rows: space.allRows)
        let total = store.touches.rowCount
        guard space.grain == .touch, total > space.rowCount else { return rows }
        let unlinked = RowSpace.rows(space.rowCount..<total)
        guard let filter else { return rows + unlinked }
        let truth = truthWithoutLead(filter, rows: unlinked, evaluator: evaluator)
        for (i, row) in unlinked.enumerated() where truth[i] == 2 { rows.append(row) }
        return rows
    }

    /// The truth of `predicate` for touches of no lead, whose lead fields are null.
    private func truthWithoutLead(_ predicate: BoundPredicate, rows: [UInt32], evaluator: PredicateEvaluator) -> [UInt8] {
        func constant(_ value: UInt8) -> [UInt8] { [UInt8](repeating: value, count: rows.count) }
        switch predicate {
        case .not(let inner):
            return truthWithoutLead(inner, rows: rows, evaluator: evaluator).map { 2 &- $0 }
        case .and(let a, let b):
            return zip(truthWithoutLead(a, rows: rows, evaluator: evaluator), truthWithoutLead(b, rows: rows, evaluator: evaluator)).map { min($0, $1) }
        case .or(let a, let b):
            return zip(truthWithoutLead(a, rows: rows, evaluator: evaluator), truthWithoutLead(b, rows: rows, evaluator: evaluator)).map { max($0, $1) }
        case .textTruth(let column, _, let nullValue, _) where column.grain == .lead:
            return constant(nullValue)
        case .compare(let column, _, _) where column.grain == .lead, .range(let column, _, _) where column.grain == .lead:
            return constant(1)
        case .isNull(let column, let negated) where column.grain == .lead:
            return constant(negated ? 0 : 2)
        default:
            return evaluator.evaluate(predicate, rows: rows)
        }
    }

    /// The column's values at `rows` as numbers, NaN for null and for the lead fields of a touch of no lead.
    func numbers(_ column: ColumnRef, at rows: [UInt32], space: RowSpace) -> [Double] {
        let none = FollowUpIndex.noLead
        return space.withIndices(rows, of: column) { index in
            switch column.data {
            case .number(let values):
                return index.map { $0 == none ? .nan : values[Int($0)] }
            case .count(let values):
                return index.map { $0 == none || values[Int($0)] == Null.count ? .nan : Double(values[Int($0)]) }
            case .timestamp(let values), .duration(let values):
                return index.map { $0 == none || values[Int($0)] == Null.timestamp ? .nan : Double(values[Int($0)]) }
            case .text(let text):
                return text.codes.withReader { codes in index.map { $0 == none || codes[Int($0)] == Null.textCode ? .nan : Double(codes[Int($0)]) } }
            }
        }
    }
}
