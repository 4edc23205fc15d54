import Foundation
import LeadQuery

/// What `set` changes: the clock, the week, the grace period and KPI targets.
public struct Settings: Sendable {
    /// A pinned "now" in seconds since the epoch; nil follows the clock.
    public var pinnedNow: Int64?
    public var weekStartsOnSunday = false
    /// Leads younger than this at `now` are left out of rate, never, within and speed.
    public var graceSeconds: Int64 = 0
    /// Targets that replace a KPI's excellent line, by KPI name.
    public var targets: [String: Double] = [:]

    public init() {}

    /// The moment relative periods are measured from.
    public var now: Int64 {
        pinnedNow ?? Int64(Date.now.timeIntervalSince1970)
    }

    public var buckets: TimeBuckets { TimeBuckets(weekStartsOnSunday: weekStartsOnSunday) }
}
