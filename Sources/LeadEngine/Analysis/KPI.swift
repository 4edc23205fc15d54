import LeadQuery
import LeadStore

/// A built-in KPI: what it means and how it is composed from aggregates over
/// the derived lead fields (SPEC §1–3). Every KPI is a `Formula`; none has a
/// code path of its own.
struct KPI: Sendable {
    let name: String
    /// How `.help` explains it.
    let meaning: String
    let grain: Grain
    /// Whether `set grace` leaves young leads out of it.
    let usesGrace: Bool
    /// Which way it is better, and what `set target` takes for it.
    let target: TargetRule
    let build: @Sendable (inout Analyzer, _ arguments: [Expr], _ range: SourceRange) throws(Diagnostic) -> Composition

    /// What a KPI turns into.
    struct Composition {
        var formula: Formula
        var kind: ValueKind
        var band: BandRule? = nil
        var population: BoundPredicate? = nil
    }

    static let rateBand = BandRule(excellent: 0.9, good: 0.7, lowerIsBetter: false)
    static let neverBand = BandRule(excellent: 0.1, good: 0.3, lowerIsBetter: true)
    /// Under 12 h excellent, 12–24 h good, over 24 h needs attention.
    static let speedBand = BandRule(excellent: Double(12 * TimeScale.perHour), good: Double(24 * TimeScale.perHour), lowerIsBetter: true, strict: true)
    static let withinHourBand = BandRule(excellent: 0.5, good: 0.25, lowerIsBetter: false)

    /// Every KPI, in the order `.help` lists them.
    static let all: [KPI] = [
        KPI(name: "leads", meaning: "number of leads", grain: .lead, usesGrace: false, target: .higher(.number)) { _, arguments, range throws(Diagnostic) in
            try noArguments("leads", arguments, range)
            return Composition(formula: .count(nil), kind: .count)
        },
        KPI(name: "followed_up", meaning: "leads with at least one follow-up", grain: .lead, usesGrace: false, target: .higher(.number)) { analyzer, arguments, range throws(Diagnostic) in
            try noArguments("followed_up", arguments, range)
            return Composition(formula: .count(.compare(try analyzer.lead("followups", range), .greater, 0)), kind: .count)
        },
        KPI(name: "rate", meaning: "share of leads with at least one follow-up (bands: 90% excellent, 70% good)", grain: .lead, usesGrace: true, target: .higher(.ratio)) { analyzer, arguments, range throws(Diagnostic) in
            try noArguments("rate", arguments, range)
            return Composition(formula: .share(.compare(try analyzer.lead("followups", range), .greater, 0)), kind: .ratio, band: rateBand)
        },
        KPI(name: "never", meaning: "share of leads never followed up: 1 − rate (bands: 10% excellent, 30% good)", grain: .lead, usesGrace: true, target: .lower(.ratio)) { analyzer, arguments, range throws(Diagnostic) in
            try noArguments("never", arguments, range)
            return Composition(formula: .share(.compare(try analyzer.lead("followups", range), .equal, 0)), kind: .ratio, band: neverBand)
        },
        KPI(name: "speed", meaning: "median time from creation to first follow-up; speed(p90), speed(avg); speed(business) in business hours (bands: 12h excellent, 24h good)", grain: .lead, usesGrace: true, target: .lower(.duration)) { analyzer, arguments, range throws(Diagnostic) in
            var arguments = arguments
            let response = try analyzer.response(for: "speed(business)", arguments: &arguments, range)
            guard let argument = arguments.first else {
                return Composition(formula: .quantile(response, 0.5), kind: .duration, band: speedBand)
            }
            // The caret goes on the argument too many, not on a good first one.
            guard arguments.count == 1 else { throw Diagnostic(.error, EngineMessages.speedArgument, at: arguments[1].range) }
            guard case .name(let word) = argument.kind else {
                throw Diagnostic(.error, EngineMessages.speedArgument, at: argument.range)
            }
            let lower = word.lowercased()
            if lower == "avg" || lower == "mean" { return Composition(formula: .mean(response), kind: .duration, band: speedBand) }
            if lower == "median" { return Composition(formula: .quantile(response, 0.5), kind: .duration, band: speedBand) }
            if lower.hasPrefix("p"), let percentile = percentile(lower.dropFirst()) {
                return Composition(formula: .quantile(response, percentile / 100), kind: .duration, band: speedBand)
            }
            throw Diagnostic(.error, EngineMessages.speedArgument, at: argument.range)
        },
        KPI(name: "within", meaning: "share of all leads first followed up within a time, e.g. within(1h); within(1h, business) in business hours (bands for 1h: 50% excellent, 25% good)", grain: .lead, usesGrace: true, target: .higher(.ratio)) { analyzer, arguments, range throws(Diagnostic) in
            var arguments = arguments
            let response = try analyzer.response(for: "within(…, business)", arguments: &arguments, range)
            guard arguments.count == 1, case .duration(let seconds) = arguments[0].kind else {
                throw Diagnostic(.error, EngineMessages.withinArgument, at: arguments.first?.range ?? range)
            }
            return Composition(formula: .share(.compare(response, .lessOrEqual, Double(TimeScale.units(seconds: seconds)))), kind: .ratio,
                               band: seconds == 3600 ? withinHourBand : nil)
        },
        KPI(name: "qualified", meaning: "share of leads qualified (qualified_at set or is_qualified yes)", grain: .lead, usesGrace: false, target: .higher(.ratio)) { analyzer, arguments, range throws(Diagnostic) in
            try noArguments("qualified", arguments, range)
            return Composition(formula: .share(try reached("qualified_at", flag: "is_qualified", analyzer, range)), kind: .ratio)
        },
        KPI(name: "conversion", meaning: "share of leads converted (converted_at set or is_converted yes)", grain: .lead, usesGrace: false, target: .higher(.ratio)) { analyzer, arguments, range throws(Diagnostic) in
            try noArguments("conversion", arguments, range)
            return Composition(formula: .share(try reached("converted_at", flag: "is_converted", analyzer, range)), kind: .ratio)
        },
        KPI(name: "touches_per_lead", meaning: "follow-ups per lead", grain: .lead, usesGrace: false, target: .higher(.number)) { analyzer, arguments, range throws(Diagnostic) in
            try noArguments("touches_per_lead", arguments, range)
            return Composition(formula: .quotient(.sum(try analyzer.lead("followups", range)), .count(nil)), kind: .number)
        },
        KPI(name: "touches_to_convert", meaning: "median follow-ups up to conversion, over converted leads", grain: .lead, usesGrace: false, target: .lower(.number)) { analyzer, arguments, range throws(Diagnostic) in
            try noArguments("touches_to_convert", arguments, range)
            return Composition(formula: .quantile(try analyzer.lead("followups_to_convert", range), 0.5), kind: .number)
        },
        KPI(name: "touches", meaning: "number of follow-ups (touch grain)", grain: .touch, usesGrace: false, target: .higher(.number)) { _, arguments, range throws(Diagnostic) in
            try noArguments("touches", arguments, range)
            return Composition(formula: .count(nil), kind: .count, population: .followUp)
        },
        KPI(name: "reply_rate", meaning: "share of follow-ups whose outcome is replied or connected (touch grain)", grain: .touch, usesGrace: false, target: .higher(.ratio)) { analyzer, arguments, range throws(Diagnostic) in
            try noArguments("reply_rate", arguments, range)
            let outcome = try analyzer.touch("outcome", range)
            return Composition(formula: .share(analyzer.textIn(outcome, anyCaseOf: ["replied", "connected"])), kind: .ratio, population: .followUp)
        },
    ]

    /// The KPIs that read follow-ups: null when no touches were loaded.
    static let followUpNames: Set<String> = [
        "followed_up", "rate", "never", "speed", "within", "touches_per_lead", "touches_to_convert", "touches", "reply_rate",
    ]

    static func named(_ name: String) -> KPI? { all.first { $0.name == name.lowercased() } }

    /// The NN of `pNN`: decimal digits (with at most one point) from 0 to 100;
    /// nil for anything else, such as `0x10` or `1e1`.
    private static func percentile(_ digits: Substring) -> Double? {
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              digits.filter({ $0 == "." }).count <= 1, let value = Double(digits), value >= 0, value <= 100 else { return nil }
        return value
    }

    /// A lead reached a stage when its date is set or its yes/no flag is 1.
    private static func reached(_ date: String, flag: String, _ analyzer: Analyzer, _ range: SourceRange) throws(Diagnostic) -> BoundPredicate {
        let flagged: BoundPredicate? = analyzer.store.leads[flag].map {
            .compare(ColumnRef(name: flag, data: $0.data, grain: .lead), .equal, 1)
        }
        guard analyzer.store.leads[date] != nil || flagged == nil else { return flagged! }
        let dated = BoundPredicate.isNull(try analyzer.lead(date, range), negated: true)
        return flagged.map { .or(dated, $0) } ?? dated
    }

    private static func noArguments(_ name: String, _ arguments: [Expr], _ range: SourceRange) throws(Diagnostic) {
        if let first = arguments.first { throw Diagnostic(.error, EngineMessages.noArguments(name), at: first.range) }
    }
}

/// The aggregate functions: `sum avg median min max distinct (field)`, `p(field, N)`, `count(field)`.
enum AggregateFunction: String, CaseIterable, Sendable {
    case sum, avg, median, min, max, distinct, p, count
}
