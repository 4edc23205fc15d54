/// Where a KPI value stands: excellent, good, or needs attention.
public enum Band: String, Sendable, CaseIterable {
    case excellent, good, attention
}

/// The lines between bands for one KPI (SPEC §1).
public struct BandRule: Sendable, Equatable {
    /// The value at or past which a result is excellent.
    public var excellent: Double
    /// The value at or past which a result is good.
    public var good: Double
    /// True when smaller is better (speed, never).
    public var lowerIsBetter: Bool
    /// True when the excellent line itself is only good ("under 12 h").
    public var strict = false

    public init(excellent: Double, good: Double, lowerIsBetter: Bool, strict: Bool = false) {
        self.excellent = excellent
        self.good = good
        self.lowerIsBetter = lowerIsBetter
        self.strict = strict
    }

    public func band(for value: Double) -> Band {
        if lowerIsBetter {
            let isExcellent = strict ? value < excellent : value <= excellent
            return isExcellent ? .excellent : value <= good ? .good : .attention
        }
        return value >= excellent ? .excellent : value >= good ? .good : .attention
    }

    /// The rule with its excellent line moved to `target` (meeting the target
    /// is excellent); the good line moves with it when the target passes it.
    public func with(target: Double) -> BandRule {
        var rule = self
        rule.excellent = target
        rule.strict = false
        rule.good = lowerIsBetter ? max(good, target) : min(good, target)
        return rule
    }
}
