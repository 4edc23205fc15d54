import LeadQuery
import LeadStore

/// The words of every analysis error and warning, in one place.
enum EngineMessages {
    /// What a statement stopped by Ctrl-C answers.
    static var interrupted: Diagnostic {
        Diagnostic(.error, "interrupted", at: SourceRange(start: 0, end: 0, line: 1, column: 1))
    }

    static func unknownName(_ name: String, suggestion: String?) -> String {
        "unknown name \"\(name)\"" + (suggestion.map(NameMatcher.didYouMean) ?? "")
    }
    static func unknownDialect(_ word: String, names: [String], suggestion: String?) -> String {
        "unknown SQL dialect \"\(word)\"" + (suggestion.map { "; did you mean \($0)?" } ?? "") + " (there are \(names.joined(separator: ", ")))"
    }
    static func noArguments(_ name: String) -> String { "\(name) takes no arguments" }
    static let speedArgument = "speed takes p90 (any percentile pNN), avg or median: speed(p90)"
    static let withinArgument = "within takes a duration: within(1h), within(30min), within(2d)"
    static func missingColumn(_ name: String, table: String) -> String {
        "the \(table) have no \(name) column; name one with --map \(name)=HEADER when loading"
    }
    static func leadMeasureByTouchField(_ measure: String, _ field: String, suggestion: String?) -> String {
        "\(measure) counts leads, but \(field) is a touch field: a lead has many touches, so it has no single \(field)"
            + (suggestion.map { "; group or filter by \($0) (the lead's first follow-up) instead" } ?? "")
    }
    static func expectedValue(for field: String, kind: String) -> String { "\(field) holds \(kind); compare it with \(kindExample(kind))" }
    static func kindExample(_ kind: String) -> String {
        switch kind {
        case "text": "a string in quotes, such as \"SMB\""
        case "timestamps": "a date or period, such as 2026-03-01 or last 3 months"
        case "durations": "a duration, such as 1h or 30min"
        default: "a number"
        }
    }
    /// `no row has segment = "X"`, or for many `= "X", "Y", "Z" or 2,997 other values`.
    static func unknownValue(_ values: [String], others: Int, field: String, existing: [String], more: Int) -> String {
        let quoted = values.map { "\"\($0)\"" }
        let written = others > 0
            ? quoted.joined(separator: ", ") + " or \(Quantity.grouped(others)) other \(others == 1 ? "value" : "values")"
            : quoted.count > 1 ? quoted.dropLast().joined(separator: ", ") + " or " + quoted.last! : quoted.joined()
        return "no row has \(field) = \(written); values that exist: " + existing.map { "\"\($0)\"" }.joined(separator: ", ")
            + (more > 0 ? " and \(more) more" : "")
    }
    static func ratioAgainstWholeNumber(_ measure: String, _ number: String) -> String {
        "\(measure) is a share from 0 to 1 (0% to 100%) and \(number) is past that range; for a percentage write \(number)%"
    }
    static let havingTakesComparisons = "having takes comparisons of result columns, such as having leads > 100"
    static let havingComparesMeasures = "having compares measures, such as leads or rate"
    static func noSuchResultColumn(_ clause: String, _ name: String, suggestion: String?, columns: [String]) -> String {
        "\(clause) \(name): the result has no such column" + (suggestion.map(NameMatcher.didYouMean) ?? "")
            + " (it has \(columns.joined(separator: ", ")))"
    }
    static func resultComparedWith(_ column: String, kind: ValueKind) -> String {
        let example = switch kind {
        case .ratio: "a share such as 90% or 0.9"
        case .duration: "a duration such as 12h"
        case .text: "text in quotes"
        case .bucket, .timestamp: "a date such as 2026-03"
        default: "a number"
        }
        return "\(column) is compared with \(example)"
    }
    static func nameTaken(_ name: String) -> String { "\(name) is already a field or KPI; choose another name" }
    static func filterAsMeasure(_ name: String) -> String { "\(name) is a filter; use it after where, or as share(\(name))" }
    static func fieldAsMeasure(_ name: String, example: String) -> String {
        "\(name) is a field, not a measure; aggregate it, such as \(example)"
    }
    static let shareArgument = "share takes one filter: share(segment = \"SMB\")"
    static func aggregateUsage(_ aggregate: String, _ usage: String) -> String { "\(aggregate) takes \(usage)" }
    static func aggregateOfText(_ field: String, _ aggregate: String) -> String {
        "\(field) holds text; \(aggregate) needs numbers, durations or timestamps (count and distinct work on text)"
    }
    static let sumOfTimestamps = "timestamps cannot be added up; use min, max or count"
    static let percentileArgument = "p takes a percentile from 0 to 100: p(response, 90)"
    static func listLeadsTouchField(_ field: String) -> String {
        "list leads shows lead fields; \(field) is a touch field (list touches shows it)"
    }
    static func listLeadsOrderedByTouchField(_ field: String) -> String {
        "list leads is ordered by lead fields; \(field) is a touch field"
    }
    static let likePattern = "like takes a pattern in quotes, such as \"Acme%\""
    static let fieldOnTheLeft = "expected a field name on the left, such as segment or response"
    static func timestampNeedsUnit(_ field: String) -> String {
        "group a timestamp by a time unit, such as \(field).month or \(field).week"
    }
    static func unitOfNonTimestamp(_ field: String, _ unit: String) -> String { "\(field) is not a timestamp, so it has no .\(unit)" }
    static func unknownTimeUnit(_ word: String, suggestion: String?) -> String {
        "unknown time unit \"\(word)\"" + (suggestion.map(NameMatcher.didYouMean) ?? "; use hour, day, week, month, quarter or year")
    }
    static func graceSet(_ grace: String, kpis: [String]) -> String {
        "leads younger than \(grace) at now are left out of " + kpis.dropLast().joined(separator: ", ") + " and " + kpis.last!
    }
    static let sqlStandsAlone = "| sql shows the SQL instead of running the statement, so it cannot follow or precede another | step; write it alone"
    static let notAMeasure = "expected a measure: a KPI such as rate or speed, an aggregate such as avg(deal_size), share(filter) or count"
    static let notAFilter = "expected a filter, such as segment = \"SMB\" or response <= 1h"
    static let notAGroup = "expected a field or a time unit to group by, such as owner, month or at.week"
    static let bucketUsage = "bucket takes a field and increasing bounds, such as bucket(followups, 1, 2, 3) or bucket(response, 1h, 4h, 24h)"
    static func bucketField(_ field: String, kind: String) -> String {
        kind == "text"
            ? "\(field) holds text, which has no ranges to bucket; group by \(field) itself"
            : "\(field) holds timestamps; bucket a number or a duration, or group a timestamp by a unit such as \(field).month"
    }
    static func bucketBound(_ field: String, duration: Bool) -> String {
        duration ? "\(field) holds durations, so its bounds are durations, such as 1h or 30min"
                 : "\(field) holds numbers, so its bounds are numbers, such as 1, 2, 5"
    }
    static func bucketOrder(_ bound: String, after previous: String) -> String {
        "bucket bounds must increase: \(bound) comes after \(previous)"
    }
    static func targetNotKPI(_ name: String?, suggestion: String? = nil) -> String {
        (name.map { "\($0) is not a KPI" + (suggestion.map { "; did you mean \($0)?" } ?? "") + "; " } ?? "")
            + "set target takes a KPI: " + KPI.all.map(\.name).joined(separator: ", ")
    }
    static func targetValue(_ key: String, _ value: KPI.TargetValue) -> String {
        switch value {
        case .ratio: "\(key) is a share: set target \(key) 60% (from 0% to 100%)"
        case .duration: "\(key) is a duration: set target \(key) 6h"
        case .number: "\(key) is a number: set target \(key) 8"
        }
    }
    static func rowwiseUsage(_ function: String) -> String {
        function == "running"
            ? "running takes one measure: running(count), running(conversion) or running(of_total(count))"
            : "of_total takes one count or sum: of_total(count), of_total(sum(deal_size))"
    }
    static func cannotRun(_ function: String, _ measure: String, what: String) -> String {
        function == "running"
            ? "\(measure) is \(what), which cannot run down the rows; running takes a count, a sum, share(…) or a ratio KPI such as conversion"
            : "\(measure) is \(what), which has no share of a total; of_total takes a count or a sum"
    }
    static func comparisonOfCycle(_ unit: String) -> String {
        "vs compares each time bucket with an earlier one, but \(unit) comes round again; group by day, week, month, quarter or year to compare"
    }
    static let comparisonNeedsPeriod =
        "vs compares with an earlier period: give a period (during last month vs previous) or a time group (rate by month vs previous)"
    static let cadenceNegative = "a cadence gap cannot be negative: each is the time before the next follow-up, 0 for the same moment, such as set cadence 0, 1d, 3d"
    static func cycle(_ name: String) -> String { "\(name) is defined in terms of itself" }
    static func zoneSet(_ zone: String) -> String { "times are in \(zone)" }
    /// What `set tz` adds when the data holds times read without an offset in another zone.
    static func zoneAtLoad(count: Int, readIn: String, now zone: String) -> String {
        "; \(Quantity.counted(count, "timestamp", "timestamps")) written without an offset were read in \(readIn) when the data was loaded"
            + " and keep that instant: .open the data again (or start with --tz \(zone)) to read them in \(zone)"
    }

    /// `set target` alone.
    static func targetsShown(_ targets: [(key: String, value: String)]) -> String {
        targets.isEmpty ? "no targets set: KPIs use their built-in bands"
            : "targets: " + targets.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
    /// `set cadence` alone.
    static func cadenceShown(_ gaps: [String]) -> String { "cadence is " + gaps.joined(separator: ", ") }

    static func setUsage(_ option: String) -> String {
        switch option {
        case "now": "set now takes a moment, such as set now 2026-11-23T00:00:00Z (or set now clock)"
        case "grace": "set grace takes a duration, such as set grace 1d (0s for none)"
        case "week_start": "set week_start takes monday or sunday"
        case "target": "set target takes a KPI and a value, such as set target rate 95% or set target speed 6h"
        case "tz", "timezone": "set tz takes a time zone: an IANA name such as Europe/Berlin or \"America/New_York\", UTC, or an offset such as +05:30"
        case "cadence": "set cadence takes the gap before each follow-up, such as set cadence 0, 1d, 3d, 7d, 14d, 30d"
        case "holidays": holidaysUsage
        default: "unknown setting \(option): the settings are now, tz, week_start, grace, target, cadence, dialect, hours and holidays"
        }
    }

    static func unfilledBuckets(_ unit: TimeUnit, spans count: Int64) -> String {
        "by \(unit.rawValue) spans \(Quantity.grouped(Int(count))) \(unit.rawValue)s: empty \(unit.rawValue)s are not shown (at most 10,000 are filled)"
    }
    static func unfilledRows(_ unit: TimeUnit, spans count: Int64, others: Int) -> String {
        "by \(unit.rawValue) spans \(Quantity.grouped(Int(count))) \(unit.rawValue)s for each of \(Quantity.grouped(others)) other keys: "
            + "empty \(unit.rawValue)s are not shown (at most 100,000 rows are filled)"
    }
    static func unfilledWarning(_ message: String) -> Diagnostic {
        Diagnostic(.warning, message, at: SourceRange(start: 0, end: 0, line: 1, column: 1))
    }
}
