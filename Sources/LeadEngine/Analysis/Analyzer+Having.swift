import LeadQuery
import LeadStore

/// Binding `having` and `order by`: names become result-column positions,
/// values become constants in each column's units, and comparisons that
/// cannot mean what they say are warned about.
extension Analyzer {
    /// The measures a `having` filter compares (the left side of each comparison).
    static func havingOperands(_ expr: Expr) -> [Expr] {
        havingComparisons(expr).map(\.lhs)
    }

    /// Each comparison in a `having` filter, with its value (none for `is null`).
    static func havingComparisons(_ expr: Expr) -> [(lhs: Expr, rhs: Expr?)] {
        switch expr.kind {
        case .and(let a, let b), .or(let a, let b): return havingComparisons(a) + havingComparisons(b)
        case .not(let a): return havingComparisons(a)
        case .compare(_, let lhs, let rhs): return [(lhs, rhs)]
        case .isNull(let lhs, _): return [(lhs, nil)]
        default: return []
        }
    }

    /// having := comparisons of result columns joined by and, or, not
    mutating func bindHaving(_ expr: Expr, over slots: [ResultSlot]) throws(Diagnostic) -> ResultPredicate {
        switch expr.kind {
        case .and(let a, let b): return .and(try bindHaving(a, over: slots), try bindHaving(b, over: slots))
        case .or(let a, let b): return .or(try bindHaving(a, over: slots), try bindHaving(b, over: slots))
        case .not(let a): return .not(try bindHaving(a, over: slots))
        case .compare(let op, let lhs, let rhs):
            try Self.requireMeasure(lhs)
            let column = try resultColumn(lhs, in: slots, clause: "having")
            let constant = try resultConstant(rhs, for: slots[column])
            warnRatioAgainstWholeNumber(slots[column], rhs)
            return .compare(column: column, op, constant)
        case .isNull(let lhs, let negated):
            try Self.requireMeasure(lhs)
            return .isNull(column: try resultColumn(lhs, in: slots, clause: "having"), negated: negated)
        default:
            throw Diagnostic(.error, EngineMessages.havingTakesComparisons, at: expr.range)
        }
    }

    /// What `having` compares must be a measure (or key) by name, not a value.
    private static func requireMeasure(_ expr: Expr) throws(Diagnostic) {
        switch expr.kind {
        case .name, .call: return
        default: throw Diagnostic(.error, EngineMessages.havingComparesMeasures, at: expr.range)
        }
    }

    /// The position of the result column an expression names.
    func resultColumn(_ expr: Expr, in slots: [ResultSlot], clause: String) throws(Diagnostic) -> Int {
        let written = text(of: expr.range)
        if let index = slots.firstIndex(where: { $0.name.lowercased() == written.lowercased() }) { return index }
        let names = slots.map(\.name)
        let suggestion = NameMatcher.nearest(to: written, in: names)
        throw Diagnostic(.error, EngineMessages.noSuchResultColumn(clause, written, suggestion: suggestion, columns: names),
                         at: expr.range, fixIt: suggestion)
    }

    /// A value written in `having`, in the stored units of the column it is compared with.
    private func resultConstant(_ expr: Expr, for slot: ResultSlot) throws(Diagnostic) -> ResultConstant {
        let buckets = settings.buckets
        switch (expr.kind, slot.kind) {
        case (.string(let value), .text): return .text(value)
        case (_, .text): break
        case (.number(let value, _), .duration): return .number(value == 0 ? 0 : value * Double(TimeScale.perHour))
        case (.number(let value, _), _): return .number(value)
        case (.duration(let seconds), .duration): return .number(Double(TimeScale.units(seconds: seconds)))
        case (.date(let date), .bucket(let unit)): return .number(Double(buckets.bucket(buckets.span(of: date).start, unit)))
        case (.date(let date), .timestamp): return .number(Double(buckets.span(of: date).start))
        default: break
        }
        throw Diagnostic(.error, EngineMessages.resultComparedWith(slot.name, kind: slot.kind), at: expr.range)
    }

    /// Warns where a ratio (a share from 0 to 1) is compared with a plain
    /// number past 1, such as `rate > 80`: no share is above 1, so the
    /// analyst almost surely meant `80%`.
    private mutating func warnRatioAgainstWholeNumber(_ slot: ResultSlot, _ rhs: Expr) {
        guard slot.kind == .ratio, case .number(let value, percent: false) = rhs.kind, abs(value) > 1 else { return }
        let number = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        warnings.append(Diagnostic(.warning, EngineMessages.ratioAgainstWholeNumber(slot.name, number),
                                   at: rhs.range, fixIt: number + "%"))
    }
}
