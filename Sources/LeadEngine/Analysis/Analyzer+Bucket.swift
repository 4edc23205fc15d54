import LeadQuery
import LeadStore

/// Binding `bucket(field, b1, b2, …)`: a number or duration field cut at
/// increasing bounds into labelled, half-open buckets.
extension Analyzer {
    /// bucket := "bucket" "(" field "," bound {"," bound} ")"
    mutating func bindBucket(_ expr: Expr, arguments: [Expr]) throws(Diagnostic) -> BoundGroup {
        guard arguments.count >= 2 else {
            throw Diagnostic(.error, EngineMessages.bucketUsage, at: expr.range, fixIt: "bucket(followups, 1, 2, 3)")
        }
        let column = try field(arguments[0])
        let isDuration: Bool
        switch column.data {
        case .count, .number: isDuration = false
        case .duration: isDuration = true
        case .text:
            throw Diagnostic(.error, EngineMessages.bucketField(column.name, kind: "text"), at: arguments[0].range, fixIt: column.name)
        case .timestamp:
            throw Diagnostic(.error, EngineMessages.bucketField(column.name, kind: "timestamps"), at: arguments[0].range,
                             fixIt: "\(column.name).month")
        }
        var bounds: [Double] = [], written: [String] = []
        for argument in arguments.dropFirst() {
            let value: Double
            switch (argument.kind, isDuration) {
            case (.number(let number, percent: false), false): value = number
            case (.duration(let seconds), true): value = Double(TimeScale.units(seconds: seconds))
            case (.number(0, _), true): value = 0
            default:
                throw Diagnostic(.error, EngineMessages.bucketBound(column.name, duration: isDuration), at: argument.range,
                                 fixIt: isDuration ? "1h" : nil)
            }
            bounds.append(value)
            written.append(text(of: argument.range))
        }
        for i in bounds.indices.dropFirst() where bounds[i] <= bounds[i - 1] {
            // Suggest the same bounds in increasing order, each once.
            let ordered = zip(bounds, written).sorted { $0.0 < $1.0 }.reduce(into: [(Double, String)]()) { kept, bound in
                if kept.last?.0 != bound.0 { kept.append(bound) }
            }
            let fix = "bucket(" + ([column.name] + ordered.map(\.1)).joined(separator: ", ") + ")"
            throw Diagnostic(.error, EngineMessages.bucketOrder(written[i], after: written[i - 1]), at: arguments[i + 1].range, fixIt: fix)
        }
        let isWhole: Bool = if case .count = column.data { true } else { false }
        let labels = Self.bucketLabels(bounds, written: written, whole: isWhole)
        let key = BoundKey.ranges(column, BucketBounds(bounds: bounds, labels: labels))
        let name = text(of: expr.range).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var group = BoundGroup(name: name, kind: .labels(labels), keys: [.touch: key])
        if column.grain == .lead {
            group.keys[.lead] = key
        } else {
            group.touchField = (column.name, Self.leadEquivalent(of: column.name), arguments[0].range)
        }
        return group
    }

    /// `<b1`, then each bucket between bounds, then `bn+`. A bucket of whole
    /// numbers holding one value is that value (`1`), several `LOW-HIGH`
    /// (`4-6`); otherwise the bounds as written (`1h-4h`).
    static func bucketLabels(_ bounds: [Double], written: [String], whole: Bool) -> [String] {
        var labels = ["<" + written[0]]
        for i in 1..<bounds.count {
            if whole {
                let low = bounds[i - 1].rounded(.up), high = bounds[i].rounded(.up) - 1
                labels.append(low == high ? integer(low) : integer(low) + "-" + integer(high))
            } else {
                labels.append(written[i - 1] + "-" + written[i])
            }
        }
        labels.append(written[bounds.count - 1] + "+")
        return labels

        func integer(_ value: Double) -> String { String(Int64(value)) }
    }
}
