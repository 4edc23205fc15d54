import LeadEngine
import LeadRender

/// `.targets`: each target set, its value as a table shows it, and which way is better.
extension DataReports {
    static func targets(_ settings: Settings) -> [String] {
        guard !settings.targets.isEmpty else { return ["no targets set; set target conversion 15% or set target speed 6h sets one"] }
        let rows = settings.targets.sorted { $0.key < $1.key }.map { key, target -> (String, String, String) in
            let column = ResultColumn(name: key, kind: target.kind, values: .doubles([target.value]))
            let shown = ValueFormatter.display(.double(target.value), in: column) ?? ""
            return (key, shown, target.lowerIsBetter ? "lower is better" : "higher is better")
        }
        let nameWidth = rows.map(\.0.count).max()! + 2, valueWidth = rows.map(\.1.count).max()! + 2
        return rows.map { $0.0.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + $0.1.padding(toLength: valueWidth, withPad: " ", startingAt: 0) + $0.2 }
    }
}
