import LeadQuery
import LeadStore

/// Binding measures: KPIs, aggregates, `share(…)`, `count` and `let` measures.
extension Analyzer {
    /// measure := KPI | KPI "(" args ")" | AGG "(" field ["," NUMBER] ")" | share "(" filter ")" | count | NAME
    mutating func bindMeasure(_ expr: Expr, name: String) throws(Diagnostic) -> BoundMeasure {
        switch expr.kind {
        case .name(let word):
            if word.lowercased() == "count" {
                return BoundMeasure(name: name, grain: .lead, formula: .count(nil), kind: .count)
            }
            if let kpi = KPI.named(word) { return try bindKPI(kpi, arguments: [], name: name, range: expr.range) }
            if let definition = definitions[word] {
                guard definition.isMeasure else {
                    throw Diagnostic(.error, EngineMessages.filterAsMeasure(definition.name), at: expr.range)
                }
                var measure = try expand(definition, at: expr.range) { (analyzer: inout Analyzer, e: Expr) throws(Diagnostic) in
                    try analyzer.bindMeasure(e, name: name)
                }
                measure.name = name
                return measure
            }
            if let column = column(named: word) {
                throw Diagnostic(.error, EngineMessages.fieldAsMeasure(column.name, example: Self.suggestedAggregate(column)), at: expr.range)
            }
            throw unknown(word, at: expr.range, preferring: measureNames)
        case .call(let function, let arguments):
            let word = function.text.lowercased()
            if let kpi = KPI.named(word) { return try bindKPI(kpi, arguments: arguments, name: name, range: expr.range) }
            if word == "running" || word == "of_total" {
                return try bindRowwise(word, arguments, name: name, range: expr.range)
            }
            if word == "share" {
                guard arguments.count == 1 else { throw Diagnostic(.error, EngineMessages.shareArgument, at: expr.range) }
                let condition = try bindFilter(arguments[0])
                return BoundMeasure(name: name, grain: condition.grain, formula: .share(condition), kind: .ratio)
            }
            if let aggregate = AggregateFunction(rawValue: word) {
                return try bindAggregate(aggregate, arguments: arguments, name: name, range: expr.range)
            }
            if let definition = definitions[word], definition.isMeasure {
                throw Diagnostic(.error, EngineMessages.noArguments(definition.name), at: expr.range)
            }
            throw unknown(function.text, at: function.range, preferring: measureNames)
        default:
            throw Diagnostic(.error, EngineMessages.notAMeasure, at: expr.range)
        }
    }

    private mutating func bindKPI(_ kpi: KPI, arguments: [Expr], name: String, range: SourceRange) throws(Diagnostic) -> BoundMeasure {
        let composition = try kpi.build(&self, arguments, range)
        if !store.touchesLoaded && KPI.followUpNames.contains(kpi.name) {
            // With no touch file there is nothing to measure: null, not zero.
            return BoundMeasure(name: name, grain: kpi.grain, formula: .share(.always(false)), kind: composition.kind,
                                band: nil, population: .always(false))
        }
        var population = composition.population
        if kpi.usesGrace && settings.grace > 0 {
            let created = try lead("created_at", range)
            let grace = BoundPredicate.compare(created, .lessOrEqual, Double(settings.now - settings.grace))
            population = population.map { .and($0, grace) } ?? grace
        }
        var band = composition.band
        if let target = settings.targets[KPI.targetKey(kpi.name, arguments: arguments)] {
            band = KPI.band(band, target: target.value, lowerIsBetter: target.lowerIsBetter)
        }
        return BoundMeasure(name: name, grain: kpi.grain, formula: composition.formula, kind: composition.kind,
                            band: band, population: population)
    }

    private mutating func bindAggregate(
        _ aggregate: AggregateFunction, arguments: [Expr], name: String, range: SourceRange
    ) throws(Diagnostic) -> BoundMeasure {
        let expected = aggregate == .p ? 2 : 1
        guard arguments.count == expected else {
            let usage = aggregate == .p ? "p(field, 90)" : "\(aggregate.rawValue)(field)"
            throw Diagnostic(.error, EngineMessages.aggregateUsage(aggregate.rawValue, usage), at: range)
        }
        let column = try field(arguments[0])
        let fieldKind = Self.valueKind(of: column)
        if case .text = column.data, ![.distinct, .count].contains(aggregate) {
            throw Diagnostic(.error, EngineMessages.aggregateOfText(column.name, aggregate.rawValue), at: arguments[0].range)
        }
        let formula: Formula
        var kind = fieldKind
        switch aggregate {
        case .sum:
            guard case .timestamp = column.data else {
                formula = .sum(column)
                break
            }
            throw Diagnostic(.error, EngineMessages.sumOfTimestamps, at: arguments[0].range)
        case .avg: formula = .mean(column); kind = fieldKind == .count ? .number : fieldKind
        case .median: formula = .quantile(column, 0.5); kind = fieldKind == .count ? .number : fieldKind
        case .p:
            guard case .number(let percentile, let isPercent) = arguments[1].kind else {
                throw Diagnostic(.error, EngineMessages.percentileArgument, at: arguments[1].range)
            }
            let fraction = isPercent ? percentile : percentile / 100
            guard fraction >= 0, fraction <= 1 else {
                throw Diagnostic(.error, EngineMessages.percentileArgument, at: arguments[1].range)
            }
            formula = .quantile(column, fraction)
            kind = fieldKind == .count ? .number : fieldKind
        case .min: formula = .minimum(column)
        case .max: formula = .maximum(column)
        case .distinct: formula = .distinct(column); kind = .count
        case .count: formula = .countValues(column); kind = .count
        }
        return BoundMeasure(name: name, grain: column.grain, formula: formula, kind: kind)
    }

    /// How values of a column are shown.
    static func valueKind(of column: ColumnRef) -> ValueKind {
        switch column.data {
        case .text: .text
        case .number: .number
        case .timestamp: .timestamp
        case .duration: .duration
        case .count: .count
        }
    }

    static func suggestedAggregate(_ column: ColumnRef) -> String {
        switch column.data {
        case .text: "distinct(\(column.name))"
        case .timestamp: "max(\(column.name))"
        default: "avg(\(column.name))"
        }
    }
}
