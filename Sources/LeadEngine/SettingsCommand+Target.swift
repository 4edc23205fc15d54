import LeadQuery
import LeadStore

/// `set target KPI value`: a target for any KPI, keyed by its full form.
extension Settings {
    /// target := "set" "target" KPI ["(" argument ")"] value
    mutating func setTarget(_ arguments: [Expr], usage: Diagnostic) throws(Diagnostic) -> String {
        guard let first = arguments.first else { throw usage }
        let name: String, kpiArguments: [Expr]
        switch first.kind {
        case .name(let word): (name, kpiArguments) = (word, [])
        case .call(let callee, let inner): (name, kpiArguments) = (callee.text, inner)
        default: throw Diagnostic(.error, EngineMessages.targetNotKPI(nil), at: first.range)
        }
        guard let rule = KPI.named(name)?.target else {
            let suggestion = NameMatcher.nearest(to: name, in: KPI.all.map(\.name))
            throw Diagnostic(.error, EngineMessages.targetNotKPI(name, suggestion: suggestion), at: first.range, fixIt: suggestion)
        }
        let key = KPI.targetKey(name, arguments: kpiArguments)
        guard arguments.count == 2 else {
            throw Diagnostic(.error, EngineMessages.targetValue(key, rule.value), at: arguments.last!.range)
        }
        let value: Double, kind: ValueKind
        switch (rule.value, arguments[1].kind) {
        case (.ratio, .number(let number, _)) where number >= 0 && number <= 1: (value, kind) = (number, .ratio)
        case (.duration, .duration(let seconds)): (value, kind) = (Double(TimeScale.units(seconds: seconds)), .duration)
        case (.number, .number(let number, false)) where number >= 0: (value, kind) = (number, .number)
        default: throw Diagnostic(.error, EngineMessages.targetValue(key, rule.value), at: arguments[1].range)
        }
        targets[key] = KPITarget(value: value, kind: kind, lowerIsBetter: rule.lowerIsBetter)
        return "target for \(key) set (\(rule.lowerIsBetter ? "lower" : "higher") is better)"
    }
}
