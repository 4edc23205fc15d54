import LeadQuery

/// Checks on `having`: what it compares, and comparisons that cannot mean
/// what they say.
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

    /// Warns where a ratio (a share from 0 to 1) is compared with a plain
    /// number past 1, such as `rate > 80`: no share is above 1, so the
    /// analyst almost surely meant `80%`.
    mutating func warnRatioAgainstWholeNumber(in having: Expr, kinds: [(name: String, kind: ValueKind)]) {
        for (lhs, rhs) in Self.havingComparisons(having) {
            guard let rhs, case .number(let value, percent: false) = rhs.kind, abs(value) > 1 else { continue }
            let written = text(of: lhs.range)
            guard kinds.contains(where: { $0.name.lowercased() == written.lowercased() && $0.kind == .ratio }) else { continue }
            let number = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            warnings.append(Diagnostic(.warning, EngineMessages.ratioAgainstWholeNumber(written, number),
                                       at: rhs.range, fixIt: number + "%"))
        }
    }
}
