/// The unit every stored timestamp and duration counts: milliseconds.
///
/// Timestamps are milliseconds since 1970-01-01T00:00:00Z and durations are
/// milliseconds, so a touch 0.8 s before its lead counts as before it, and a
/// response of 250 ms is not 0. Every conversion to or from seconds, hours
/// and days goes through these constants.
public enum TimeScale {
    /// Stored units in one second.
    @inlinable public static var perSecond: Int64 { 1000 }
    @inlinable public static var perMinute: Int64 { 60 * perSecond }
    @inlinable public static var perHour: Int64 { 3600 * perSecond }
    @inlinable public static var perDay: Int64 { 86_400 * perSecond }

    /// Stored units in `seconds` (a fraction rounded to the nearest unit).
    @inlinable public static func units(seconds: Double) -> Int64 {
        Int64((seconds * Double(perSecond)).rounded())
    }

    /// Stored units in a whole number of seconds.
    @inlinable public static func units(seconds: Int) -> Int64 { Int64(seconds) * perSecond }

    /// A stored duration in hours, as files carry durations.
    @inlinable public static func hours(_ units: Double) -> Double { units / Double(perHour) }
}
