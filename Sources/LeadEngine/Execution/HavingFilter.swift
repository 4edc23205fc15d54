import LeadQuery
import LeadStore

/// Keeps the result rows for which a `having` filter holds. Names in it are
/// result columns; values are read in each column's terms (ratios as `0.9`
/// or `90%`, durations as `12h`).
struct HavingFilter {
    let table: ResultTable
    let source: String

    func apply(_ expr: Expr) throws(Diagnostic) -> ResultTable {
        var kept: [Int] = []
        for row in 0..<table.rowCount where try holds(expr, row) == true { kept.append(row) }
        return table.gathered(kept)
    }

    /// True, false, or nil for unknown (a null compared).
    private func holds(_ expr: Expr, _ row: Int) throws(Diagnostic) -> Bool? {
        switch expr.kind {
        case .and(let a, let b):
            let x = try holds(a, row), y = try holds(b, row)
            if x == false || y == false { return false }
            return x == true && y == true ? true : nil
        case .or(let a, let b):
            let x = try holds(a, row), y = try holds(b, row)
            if x == true || y == true { return true }
            return x == false && y == false ? false : nil
        case .not(let a):
            return try holds(a, row).map { !$0 }
        case .compare(let op, let lhs, let rhs):
            let column = try self.column(lhs)
            let cell = column.cell(row)
            if cell == .null { return nil }
            if case .text(let text) = cell {
                guard case .string(let value) = rhs.kind else { throw expectedValue(column, rhs.range) }
                return Analyzer.holds(op, text < value ? -1 : text == value ? 0 : 1)
            }
            let value = try number(rhs, for: column)
            let actual = column.number(row) ?? .nan
            return Analyzer.holds(op, actual < value ? -1 : actual == value ? 0 : 1)
        case .isNull(let lhs, let negated):
            return (try column(lhs).cell(row) == .null) != negated
        default:
            throw Diagnostic(.error, "having takes comparisons of result columns, such as having leads > 100", at: expr.range)
        }
    }

    private func column(_ expr: Expr) throws(Diagnostic) -> ResultColumn {
        switch expr.kind {
        case .name, .call: break
        default: throw Diagnostic(.error, "having compares measures, such as leads or rate", at: expr.range)
        }
        let utf8 = Array(source.utf8)
        let name = String(decoding: utf8[expr.range.start..<min(expr.range.end, utf8.count)], as: UTF8.self)
        if let column = table.columns.first(where: { $0.name.lowercased() == name.lowercased() }) { return column }
        let written = table.columns.map(\.name)
        let suggestion = NameMatcher.nearest(to: name, in: written)
        throw Diagnostic(.error, "having \(name): the result has no such column" + (suggestion.map { "; did you mean \($0)?" } ?? "")
                         + " (it has \(written.joined(separator: ", ")))", at: expr.range, fixIt: suggestion)
    }

    private func number(_ expr: Expr, for column: ResultColumn) throws(Diagnostic) -> Double {
        switch (expr.kind, column.kind) {
        case (.number(let value, _), .duration): return value == 0 ? 0 : value * Double(TimeScale.perHour)
        case (.number(let value, _), _): return value
        case (.duration(let seconds), .duration): return Double(TimeScale.units(seconds: seconds))
        case (.date(let date), .bucket(let unit)):
            return Double(column.buckets.bucket(column.buckets.span(of: date).start, unit))
        case (.date(let date), .timestamp): return Double(column.buckets.span(of: date).start)
        default: throw expectedValue(column, expr.range)
        }
    }

    private func expectedValue(_ column: ResultColumn, _ range: SourceRange) -> Diagnostic {
        let example = switch column.kind {
        case .ratio: "a share such as 90% or 0.9"
        case .duration: "a duration such as 12h"
        case .text: "text in quotes"
        case .bucket, .timestamp: "a date such as 2026-03"
        default: "a number"
        }
        return Diagnostic(.error, "\(column.name) is compared with \(example)", at: range)
    }
}
