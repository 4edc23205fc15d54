import LeadQuery

extension TimeUnit {
    /// Whether buckets of this unit follow the calendar (months, quarters and
    /// years have different lengths), so a moment's bucket is found through its
    /// day rather than by dividing by a fixed length.
    var isCalendar: Bool {
        switch self {
        case .hour, .day, .week, .hourOfDay: false
        case .month, .quarter, .year, .weekday: true
        }
    }
}
