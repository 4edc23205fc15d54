import Foundation
import LeadStore

/// Local calendars for the reference, through Foundation's own time zones
/// rather than leadq's reading of the tz database.
extension ReferenceModel {
    static func calendar(_ zone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar
    }

    /// The bucket number the engine gives `moment` for `unit` (`day`, `week`,
    /// `month`, `quarter`, `year`) in `calendar`'s zone, weeks from Monday.
    static func bucket(_ moment: Int64, _ unit: String, in calendar: Calendar) -> Int64 {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .weekday], from: date(moment))
        let day = Int64(CivilDate.daysSinceEpoch(year: parts.year!, month: parts.month!, day: parts.day!))
        switch unit {
        case "hour": return day * 24 + Int64(parts.hour!)
        case "hour_of_day": return Int64(parts.hour!)
        // Foundation counts weekdays from Sunday = 1; the engine from Monday = 0.
        case "weekday": return Int64((parts.weekday! + 5) % 7)
        case "day": return day
        case "week":
            // 1970-01-05 was a Monday.
            let monday = day - 4
            return monday >= 0 ? monday / 7 : (monday - 6) / 7
        case "month": return Int64(parts.year! * 12 + parts.month! - 1)
        case "quarter": return Int64(parts.year! * 4 + (parts.month! - 1) / 3)
        default: return Int64(parts.year!)
        }
    }
}
