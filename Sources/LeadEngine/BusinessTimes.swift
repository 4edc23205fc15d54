import LeadStore
import Synchronization

/// The business responses computed for the data loaded, by the hours,
/// holidays and session zone they were counted in, so that a session asks
/// once per setting however many statements read them. Replaced when the
/// data changes; emptied by `set hours` and `set holidays`.
public final class BusinessTimes: Sendable {
    private struct Key: Hashable {
        var calendar: BusinessCalendar
        var zone: String
    }

    /// Settings whose responses are kept at most (switching zones back and forth).
    private static let kept = 4
    private let computed = Mutex<[Key: [Int64]]>([:])

    public init() {}

    /// Each lead's `response_business` under `calendar` in `zone` (or the lead's own).
    func response(of store: LeadStore, calendar: BusinessCalendar, zone: ZoneRules) -> [Int64] {
        let key = Key(calendar: calendar, zone: zone.name)
        if let known = computed.withLock({ $0[key] }) { return known }
        let values = BusinessResponse.values(of: store, calendar: calendar, sessionZone: zone)
        computed.withLock {
            if $0.count >= Self.kept { $0.removeAll() }
            $0[key] = values
        }
        return values
    }

    func removeAll() {
        computed.withLock { $0.removeAll() }
    }
}
