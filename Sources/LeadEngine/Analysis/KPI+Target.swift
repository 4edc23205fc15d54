import LeadQuery
import LeadStore

/// Targets: which way each KPI is better, what a target for it is written
/// as, and the key a target is kept under (the KPI's full form, so
/// `within(2h)` and `speed(p90)` have targets of their own).
extension KPI {
    /// What a target value is: a share, a duration, or a plain number.
    enum TargetValue: Sendable { case ratio, duration, number }

    /// Which way a KPI is better and what its target is written as.
    struct TargetRule: Sendable {
        let lowerIsBetter: Bool
        let value: TargetValue
        static func higher(_ value: TargetValue) -> TargetRule { TargetRule(lowerIsBetter: false, value: value) }
        static func lower(_ value: TargetValue) -> TargetRule { TargetRule(lowerIsBetter: true, value: value) }
    }

    /// The key a KPI's target is kept under: `rate`, `within(2h)`, `speed(p90)`;
    /// bare `within` is `within(1h)`.
    static func targetKey(_ name: String, arguments: [Expr]) -> String {
        let lower = name.lowercased()
        if arguments.isEmpty { return lower == "within" ? "within(1h)" : lower }
        return lower + "(" + arguments.map(argumentText).joined(separator: ", ") + ")"
    }

    /// An argument as a target key writes it: durations in their largest whole unit.
    private static func argumentText(_ expr: Expr) -> String {
        switch expr.kind {
        case .name(let word): return word.lowercased()
        case .duration(let seconds):
            for (unit, size) in [("w", 604_800.0), ("d", 86_400.0), ("h", 3_600.0), ("min", 60.0)] where seconds >= size {
                if (seconds / size).rounded() == seconds / size { return String(Int64(seconds / size)) + unit }
            }
            return seconds == seconds.rounded() ? String(Int64(seconds)) + "s" : String(Int64((seconds * 1000).rounded())) + "ms"
        case .number(let value, let percent):
            let shown = percent ? value * 100 : value
            return (shown == shown.rounded() ? String(Int64(shown)) : String(shown)) + (percent ? "%" : "")
        default: return "?"
        }
    }

    /// The band a target draws: a banded KPI moves its excellent line; any
    /// other meets the target (●) or not (○).
    static func band(_ band: BandRule?, target: Double, lowerIsBetter: Bool) -> BandRule {
        band?.with(target: target) ?? BandRule(excellent: target, good: target, lowerIsBetter: lowerIsBetter)
    }
}

/// A target set with `set target`: the value in the KPI's units and its direction.
public struct KPITarget: Sendable, Equatable {
    public var value: Double
    public var kind: ValueKind
    public var lowerIsBetter: Bool
}
