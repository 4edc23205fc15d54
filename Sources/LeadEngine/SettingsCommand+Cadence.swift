import LeadQuery
import LeadStore

/// `set cadence 0, 1d, 3d, 7d, 14d, 30d`: the gap before each next follow-up.
extension Settings {
    /// The default cadence: the same day, then 1, 3, 7, 14 and 30 days on.
    public static let defaultCadence: [Int64] = [0, 1, 3, 7, 14, 30].map { $0 * TimeScale.perDay }

    /// cadence := "set" "cadence" gap {"," gap}
    mutating func setCadence(_ arguments: [Expr], usage: Diagnostic) throws(Diagnostic) -> String {
        guard !arguments.isEmpty else { throw usage }
        var gaps: [Int64] = []
        for argument in arguments {
            switch argument.kind {
            case .duration(let seconds) where seconds >= 0: gaps.append(TimeScale.units(seconds: seconds))
            case .number(0, _): gaps.append(0)
            case .duration,
                 .number(_, _) where Self.isNegative(argument):
                throw Diagnostic(.error, EngineMessages.cadenceNegative, at: argument.range, fixIt: "0")
            default: throw Diagnostic(.error, EngineMessages.setUsage("cadence"), at: argument.range)
            }
        }
        cadence = gaps
        return "cadence is " + arguments.count.description + " follow-ups"
    }

    private static func isNegative(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .duration(let seconds): seconds < 0
        case .number(let value, _): value < 0
        default: false
        }
    }
}
