import LeadQuery
import LeadStore

/// `set OPTION value…`
extension Settings {
    mutating func apply(option: Name, arguments: [Expr], buckets: TimeBuckets) throws(Diagnostic) -> String {
        let name = option.text.lowercased()
        let usage = Diagnostic(.error, EngineMessages.setUsage(name), at: arguments.first?.range ?? option.range)
        if arguments.isEmpty, let said = shown(name) { return said }
        switch name {
        case "now":
            guard arguments.count == 1 else { throw usage }
            switch arguments[0].kind {
            case .name(let word) where word.lowercased() == "clock":
                pinnedNow = nil
                return "now follows the clock"
            case .date(let date):
                pinnedNow = buckets.span(of: date).start
                return "now is \(zone.iso8601(pinnedNow!))"
            case .number(let year, false) where year == year.rounded() && year >= 1000 && year <= 9999:
                pinnedNow = buckets.span(of: DateLiteral(year: Int(year), month: 1, day: 1, span: .year)).start
                return "now is \(zone.iso8601(pinnedNow!))"
            default: throw usage
            }
        case "grace":
            guard arguments.count == 1 else { throw usage }
            switch arguments[0].kind {
            case .duration(let seconds) where seconds >= 0: grace = TimeScale.units(seconds: seconds)
            case .number(0, _): grace = 0
            default: throw usage
            }
            return graceShown
        case "week_start":
            guard arguments.count == 1, case .name(let day) = arguments[0].kind, ["monday", "sunday"].contains(day.lowercased()) else { throw usage }
            weekStartsOnSunday = day.lowercased() == "sunday"
            return "weeks start on \(day.lowercased())"
        case "tz", "timezone":
            guard arguments.count == 1 else { throw usage }
            let text: String
            switch arguments[0].kind {
            case .name(let word), .string(let word): text = word
            default: throw usage
            }
            do {
                zone = try ZoneRules.named(text)
            } catch {
                throw Diagnostic(.error, error.message, at: arguments[0].range)
            }
            return EngineMessages.zoneSet(zone.name)
        case "dialect":
            guard arguments.count == 1, case .name(let word) = arguments[0].kind else { throw usage }
            dialect = try Self.dialect(named: word, at: arguments[0].range)
            return "| sql writes \(dialect.rawValue)"
        case "target":
            return try setTarget(arguments, usage: usage)
        case "cadence":
            return try setCadence(arguments, usage: usage)
        case "hours":
            return try setHours(arguments)
        case "holidays":
            return try setHolidays(arguments, usage: usage)
        default:
            throw Diagnostic(.error, EngineMessages.setUsage(name), at: option.range)
        }
    }

    /// The dialect a word names, or an error listing them.
    static func dialect(named word: String, at range: SourceRange) throws(Diagnostic) -> SQLDialectName {
        if let dialect = SQLDialectName(rawValue: word.lowercased()) { return dialect }
        let names = SQLDialectName.allCases.map(\.rawValue)
        let suggestion = NameMatcher.nearest(to: word, in: names)
        throw Diagnostic(.error, EngineMessages.unknownDialect(word, names: names, suggestion: suggestion), at: range, fixIt: suggestion)
    }
}
