/// The hours a business is open each day of the week, in local wall-clock
/// time: `Mon-Fri 09:00-17:00`, or several ranges such as
/// `Mon-Thu 08:00-18:00, Fri 08:00-14:00`.
public struct WeeklyHours: Sendable, Hashable {
    /// Minutes of a day.
    public static let minutesPerDay = 1440
    /// The days of the week as the language writes them, Monday first.
    public static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// The open minutes of each day, Monday first: half-open ranges within
    /// `0...1440`, in order, apart from one another.
    public let days: [[Range<Int>]]

    /// Hours from each day's ranges (Monday first, seven entries), which
    /// may overlap or touch: they are joined.
    public init(days: [[Range<Int>]]) {
        precondition(days.count == 7)
        self.days = days.map(Self.joined)
    }

    /// Whether no minute of the week is open.
    public var isClosed: Bool { days.allSatisfy(\.isEmpty) }

    /// The day of the week of a local civil day (days since 1970-01-01), Monday 0.
    @inline(__always)
    public static func weekday(ofDay day: Int64) -> Int {
        // 1970-01-01 was a Thursday.
        Int(((day + 3) % 7 + 7) % 7)
    }

    /// The hours as `set hours` takes them, runs of days with the same
    /// ranges written once: `Mon-Fri 09:00-12:00 13:00-17:00, Sat 10:00-14:00`.
    public var description: String {
        var parts: [String] = []
        var first = 0
        while first < 7 {
            var last = first
            while last + 1 < 7, days[last + 1] == days[first] { last += 1 }
            if !days[first].isEmpty {
                let span = first == last ? Self.dayNames[first] : Self.dayNames[first] + "-" + Self.dayNames[last]
                parts.append(span + " " + days[first].map { Self.clock($0.lowerBound) + "-" + Self.clock($0.upperBound) }.joined(separator: " "))
            }
            first = last + 1
        }
        return parts.joined(separator: ", ")
    }

    /// `09:00`, `24:00`.
    public static func clock(_ minute: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return two(minute / 60) + ":" + two(minute % 60)
    }

    /// Ranges in order with overlapping or touching ones joined.
    private static func joined(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

/// Business hours and the days they do not apply (holidays): what business
/// time is counted in.
public struct BusinessCalendar: Sendable, Hashable {
    public var hours: WeeklyHours
    /// Local civil days (days since 1970-01-01) closed all day, in order.
    public var holidays: [Int64]

    public init(hours: WeeklyHours, holidays: [Int64]) {
        self.hours = hours
        self.holidays = Array(Set(holidays)).sorted()
    }
}
