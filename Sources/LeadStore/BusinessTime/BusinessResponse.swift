import Foundation

/// `response_business`: the business time from each lead's `created_at` to
/// its first follow-up, in the session's zone or in the lead's own
/// (`timezone` column); null for a lead never followed up. A lead created
/// outside business hours starts its clock at the next opening.
public enum BusinessResponse {
    /// The field's name, which no column of a leads file may take.
    public static let field = "response_business"

    /// Every lead's business response, leads of one zone at a time.
    public static func values(of store: LeadStore, calendar: BusinessCalendar, sessionZone: ZoneRules) -> [Int64] {
        guard let created = store.leads.timestamps("created_at"), let first = store.leads.timestamps("first_followup_at") else {
            return [Int64](repeating: Null.timestamp, count: store.leads.rowCount)
        }
        let zones = LeadZones(store.leads)
        // Which zone each lead's intervals come from: the session's (0) or the lead's own.
        var zoneNames = [sessionZone.name]
        var zoneRules = [sessionZone]
        var zoneOfCode: [Int32] = []
        for rules in zones.rulesByCode {
            guard let rules else { zoneOfCode.append(0); continue }
            if let known = zoneNames.firstIndex(of: rules.name) {
                zoneOfCode.append(Int32(known))
            } else {
                zoneOfCode.append(Int32(zoneNames.count))
                zoneNames.append(rules.name)
                zoneRules.append(rules)
            }
        }
        var low = Int64.max, high = Int64.min
        for lead in first.indices where first[lead] != Null.timestamp {
            low = min(low, created[lead])
            high = max(high, first[lead])
        }
        var response = [Int64](repeating: Null.timestamp, count: created.count)
        guard low <= high else { return response }
        let extent = low...high
        let codes = zones.codes
        let leadsOfZone = group(created.count, into: zoneNames.count) { lead in
            guard let codes, codes[lead] != Null.textCode else { return 0 }
            return Int(zoneOfCode[Int(codes[lead])])
        }
        for (zone, leads) in leadsOfZone.enumerated() where !leads.isEmpty {
            let open = OpenIntervals(calendar: calendar, zone: zoneRules[zone], over: extent)
            fill(&response, leads: leads, created: created, first: first, open: open)
        }
        return response
    }

    /// The leads of each zone, in order.
    private static func group(_ count: Int, into zones: Int, zone: (Int) -> Int) -> [[Int32]] {
        if zones == 1 { return [(0..<Int32(count)).map { $0 }] }
        var groups = [[Int32]](repeating: [], count: zones)
        for lead in 0..<count { groups[zone(lead)].append(Int32(lead)) }
        return groups
    }

    /// The business response of `leads`, half of them on each core.
    private static func fill(_ response: inout [Int64], leads: [Int32], created: [Int64], first: [Int64], open: OpenIntervals) {
        let parts = leads.count >= 100_000 ? ProcessInfo.processInfo.activeProcessorCount : 1
        response.withUnsafeMutableBufferPointer { out in
            let target = Target(base: out.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = part * leads.count / parts..<(part + 1) * leads.count / parts
                leads.withUnsafeBufferPointer { leads in
                created.withUnsafeBufferPointer { created in
                first.withUnsafeBufferPointer { first in
                    for index in range {
                        let lead = Int(leads[index])
                        let followedUp = first[lead]
                        if followedUp == Null.timestamp { continue }
                        target.base[lead] = open.businessTime(from: created[lead], to: followedUp)
                    }
                }}}
            }
        }
    }

    /// Where each core writes the responses of its own leads.
    private struct Target: @unchecked Sendable {
        let base: UnsafeMutablePointer<Int64>
    }
}
