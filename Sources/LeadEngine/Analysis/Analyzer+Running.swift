import LeadQuery
import LeadStore

/// Binding `running(m)` and `of_total(m)`: measures computed down the rows
/// of the result once it is in order.
extension Analyzer {
    /// running := "running" "(" measure | of_total ")";  of_total := "of_total" "(" measure ")"
    mutating func bindRowwise(_ function: String, _ arguments: [Expr], name: String, range: SourceRange) throws(Diagnostic) -> BoundMeasure {
        guard arguments.count == 1 else { throw Diagnostic(.error, EngineMessages.rowwiseUsage(function), at: range) }
        let argument = arguments[0]
        if function == "running", case .call(let inner, let innerArguments) = argument.kind, inner.text.lowercased() == "of_total" {
            var measure = try bindRowwise("of_total", innerArguments, name: name, range: argument.range)
            measure.rowwise = .runningOfTotal
            return measure
        }
        var measure = try bindMeasure(argument, name: name)
        guard measure.rowwise == nil else { throw Diagnostic(.error, EngineMessages.rowwiseUsage(function), at: argument.range) }
        let written = text(of: argument.range)
        switch (function, measure.formula) {
        case (_, .count), (_, .countValues), (_, .sum):
            measure.rowwise = function == "running" ? .running : .ofTotal
            if function == "of_total" { measure.kind = .ratio }
            measure.band = nil
            return measure
        case ("running", .share(let condition)):
            measure.ratioParts = [part(measure, .count(condition), "numerator"), part(measure, .count(nil), "denominator")]
        case ("running", .quotient(let numerator, let denominator)):
            measure.ratioParts = [part(measure, numerator, "numerator"), part(measure, denominator, "denominator")]
        default:
            throw Diagnostic(.error, EngineMessages.cannotRun(function, written, what: Self.formulaWord(measure.formula)),
                             at: argument.range, fixIt: function == "running" ? "running(count)" : "of_total(count)")
        }
        measure.band = nil
        return measure

        func part(_ measure: BoundMeasure, _ formula: Formula, _ role: String) -> BoundMeasure {
            var part = BoundMeasure(name: "\(name) \(role)", grain: measure.grain, formula: formula, kind: .number, population: measure.population)
            part.hidden = true
            return part
        }
    }

    /// What a measure is, in the words of an error: a median, an average, ….
    static func formulaWord(_ formula: Formula) -> String {
        switch formula {
        case .quantile(_, let q): q == 0.5 ? "a median" : "a percentile"
        case .mean: "an average"
        case .minimum: "a minimum"
        case .maximum: "a maximum"
        case .distinct: "a distinct count"
        case .share, .quotient: "a ratio"
        default: "not a count or a sum"
        }
    }
}
