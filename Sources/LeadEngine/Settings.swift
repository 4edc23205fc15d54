import Foundation
import LeadQuery
import LeadStore

/// What `set` changes: the clock, the time zone, the week, the grace period,
/// KPI targets and business hours.
public struct Settings: Sendable {
    /// A pinned "now" in `TimeScale` units since the epoch; nil follows the clock.
    public var pinnedNow: Int64?
    public var weekStartsOnSunday = false
    /// The zone days start in, times are shown in, and values without an offset are read in.
    public var zone = ZoneRules.utc
    /// Leads younger than this (in `TimeScale` units) at `now` are left out
    /// of rate, never, within and speed.
    public var grace: Int64 = 0
    /// KPI targets, by the KPI's full form (`conversion`, `within(2h)`).
    public var targets: [String: KPITarget] = [:]
    /// The gap before each next follow-up (`TimeScale` units): the first
    /// from `created_at`, the rest from the previous follow-up.
    public var cadence = Settings.defaultCadence
    /// The dialect `| sql` writes when none is named.
    public var dialect = SQLDialectName.postgres
    /// The hours business time is counted in; nil until `set hours`.
    public var hours: WeeklyHours?
    /// Local days closed all day (days since 1970-01-01), in order.
    public var holidays: [Int64] = []

    public init() {}

    /// The moment relative periods are measured from.
    public var now: Int64 {
        pinnedNow ?? TimeScale.units(seconds: Date.now.timeIntervalSince1970)
    }

    public var buckets: TimeBuckets { TimeBuckets(weekStartsOnSunday: weekStartsOnSunday, zone: zone) }
}
