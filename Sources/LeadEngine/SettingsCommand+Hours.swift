import Foundation
import LeadQuery
import LeadStore

/// `set hours Mon-Fri 09:00-17:00` and `set holidays 2026-12-25, 2026-12-26`:
/// what business time is counted in.
extension Settings {
    /// hours := "set" "hours" (HOURS | "off")   (alone, says what is set)
    mutating func setHours(_ arguments: [Expr]) throws(Diagnostic) -> String {
        guard let argument = arguments.first else {
            return hours.map { EngineMessages.hoursSet($0.description, zone: zone.name) } ?? EngineMessages.hoursNone
        }
        let text: String
        switch argument.kind {
        case .string(let written), .name(let written): text = written
        default: throw Diagnostic(.error, EngineMessages.hoursExpectedDays(found: nil), at: argument.range)
        }
        if ["off", "none"].contains(text.trimmingCharacters(in: .whitespaces).lowercased()) {
            hours = nil
            return EngineMessages.hoursOff
        }
        let parsed = try HoursText.parse(text, at: argument.range)
        hours = parsed
        return EngineMessages.hoursSet(parsed.description, zone: zone.name)
    }

    /// holidays := "set" "holidays" (DATE {"," DATE} | FILE | "off")   (alone, says what is set)
    mutating func setHolidays(_ arguments: [Expr], usage: Diagnostic) throws(Diagnostic) -> String {
        guard let first = arguments.first else { return EngineMessages.holidaysSet(holidays.map(Self.dayText)) }
        var days: [Int64] = []
        switch first.kind {
        case .name(let word) where arguments.count == 1 && ["off", "none"].contains(word.lowercased()):
            break
        case .string(let path) where arguments.count == 1:
            if path.trimmingCharacters(in: .whitespaces).isEmpty {
                throw Diagnostic(.error, EngineMessages.holidaysEmptyName, at: first.range)
            }
            if !FileManager.default.fileExists(atPath: path), let written = HolidayFile.writtenDays(path) {
                days = written
            } else {
                days = try HolidayFile.days(path: path, at: first.range)
            }
        default:
            for argument in arguments {
                guard case .date(let date) = argument.kind else { throw Diagnostic(.error, EngineMessages.holidaysUsage, at: argument.range) }
                guard date.span == .day else {
                    throw Diagnostic(.error, EngineMessages.holidayNotADay(Self.written(date)), at: argument.range)
                }
                days.append(Int64(CivilDate.daysSinceEpoch(year: date.year, month: date.month, day: date.day)))
            }
        }
        holidays = Array(Set(days)).sorted()
        return EngineMessages.holidaysSet(holidays.map(Self.dayText))
    }

    /// The hours and holidays business time is counted in, once hours are set.
    public var businessCalendar: BusinessCalendar? {
        hours.map { BusinessCalendar(hours: $0, holidays: holidays) }
    }

    /// `2026-12-25`.
    static func dayText(_ day: Int64) -> String {
        String(CivilDate.iso8601(day * TimeScale.perDay).prefix(10))
    }

    private static func written(_ date: DateLiteral) -> String {
        switch date.span {
        case .year: "a year"
        case .quarter: "a quarter"
        case .month: "a month"
        default: "a moment"
        }
    }
}
