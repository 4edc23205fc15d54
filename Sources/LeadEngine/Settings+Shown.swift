import LeadStore

/// `set OPTION` alone: the setting's current value, in the words a change
/// to it confirms with, so a script or `-c` can print what is in force.
extension Settings {
    /// What `set name` with no value says; nil for a setting that has no value to show.
    func shown(_ name: String) -> String? {
        switch name {
        case "now": pinnedNow.map { "now is \(zone.iso8601($0))" } ?? "now follows the clock"
        case "tz", "timezone": EngineMessages.zoneSet(zone.name)
        case "grace": graceShown
        case "week_start": "weeks start on \(weekStartsOnSunday ? "sunday" : "monday")"
        case "dialect": "| sql writes \(dialect.rawValue)"
        case "target": EngineMessages.targetsShown(targets.keys.sorted().map { ($0, Self.written(targets[$0]!)) })
        case "cadence": EngineMessages.cadenceShown(cadence.map(Self.written(gap:)))
        default: nil
        }
    }

    /// A target as `set target` takes it: `95%`, `6h`, `4`.
    private static func written(_ target: KPITarget) -> String {
        switch target.kind {
        case .ratio: number(target.value * 100) + "%"
        case .duration: number(target.value / Double(TimeScale.perHour)) + "h"
        default: number(target.value)
        }
    }

    /// A gap as `set cadence` takes it: `0`, `3d`, `12h`.
    /// The grace period in force, in hours (`48h`, `1.5h`).
    var graceShown: String {
        grace == 0 ? "no grace period"
            : EngineMessages.graceSet(Self.number(Double(grace) / Double(TimeScale.perHour)) + "h", kpis: KPI.all.filter(\.usesGrace).map(\.name))
    }

    private static func written(gap: Int64) -> String {
        if gap == 0 { return "0" }
        if gap % TimeScale.perDay == 0 { return "\(gap / TimeScale.perDay)d" }
        return number(Double(gap) / Double(TimeScale.perHour)) + "h"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
