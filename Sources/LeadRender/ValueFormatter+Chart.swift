import Foundation
import LeadEngine

/// Values that are not cells of a result: axis ticks and averaged points.
extension ValueFormatter {
    /// A number of the given kind as a table shows it (`87.3%`, `5.2h`, `1,234`).
    public static func display(value: Double, kind: ValueKind) -> String {
        let column = ResultColumn(name: "", kind: kind, values: .doubles([]))
        switch kind {
        case .count where value == value.rounded():
            return display(.int(Int64(value)), in: column) ?? ""
        case .count:
            return number(value)
        default:
            return display(.double(value), in: column) ?? ""
        }
    }

    /// An axis tick: like `display`, with whole percentages written without decimals.
    static func tick(_ value: Double, kind: ValueKind) -> String {
        if kind == .ratio, (value * 100).rounded() == value * 100 || abs(value * 100 - (value * 100).rounded()) < 1e-9 {
            return String(format: "%.0f%%", value * 100)
        }
        return display(value: value, kind: kind)
    }
}
