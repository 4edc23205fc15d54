import Foundation
import LeadStore

/// Business time for the reference, the slow and obvious way: walk from
/// creation to the first follow-up a minute at a time and count the
/// minutes whose wall-clock time, read through Foundation's own time zones,
/// falls in the day's hours on a day that is no holiday.
extension ReferenceModel {
    struct BusinessHours: Sendable {
        /// Open minutes of each day, Monday first, as half-open ranges.
        var days: [[Range<Int>]]
        /// Local days (days since 1970-01-01) closed all day.
        var holidays: Set<Int64>

        /// As `set hours` takes them.
        var text: String {
            let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            func clock(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }
            return days.enumerated().filter { !$0.element.isEmpty }.map { day, ranges in
                names[day] + " " + ranges.map { clock($0.lowerBound) + "-" + clock($0.upperBound) }.joined(separator: " ")
            }.joined(separator: ", ")
        }
    }

    /// Whether the minute starting at `moment` is open in `zone`.
    static func isOpen(minuteAt moment: Int64, _ hours: BusinessHours, in zone: TimeZone) -> Bool {
        let local = moment + Int64(zone.secondsFromGMT(for: date(moment))) * TimeScale.perSecond
        let day = local >= 0 ? local / TimeScale.perDay : (local - TimeScale.perDay + 1) / TimeScale.perDay
        if hours.holidays.contains(day) { return false }
        // 1970-01-01 was a Thursday: Monday is 0.
        let weekday = Int(((day + 3) % 7 + 7) % 7)
        let minute = Int((local - day * TimeScale.perDay) / TimeScale.perMinute)
        return hours.days[weekday].contains { $0.contains(minute) }
    }

    /// The open time from `start` to `end`, minute by minute.
    static func businessTime(from start: Int64, to end: Int64, _ hours: BusinessHours, in zone: TimeZone) -> Int64 {
        var total: Int64 = 0
        var moment = start
        while moment < end {
            let minute = (moment >= 0 ? moment / TimeScale.perMinute : (moment - TimeScale.perMinute + 1) / TimeScale.perMinute) * TimeScale.perMinute
            let next = min(end, minute + TimeScale.perMinute)
            if isOpen(minuteAt: minute, hours, in: zone) { total += next - moment }
            moment = next
        }
        return total
    }

    /// Each lead's business response in its zone; nil for a lead never followed up.
    func businessResponses(_ hours: BusinessHours, zones: [TimeZone]) -> [Int64?] {
        leads.indices.map { index in
            let lead = leads[index]
            return lead.first.map { Self.businessTime(from: lead.created, to: $0.at, hours, in: zones[index]) }
        }
    }
}
