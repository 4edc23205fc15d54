import Foundation
import LeadStore

/// A deliberately naive, row-by-row model of the data and every KPI, written
/// from the definitions in SPEC §2–3 with plain Swift values, to check the
/// engine against. It reads only the columns as loaded from the files and
/// derives everything else itself.
struct ReferenceModel: Sendable {
    struct Lead: Sendable {
        var id: String
        var created: Int64
        var segment: String?, source: String?, owner: String?, region: String?
        var qualified: Int64?, converted: Int64?
        var followUps: [Touch] = []
        var followups: Int { followUps.count }
        var first: Touch? { followUps.min { ($0.at, $0.order) < ($1.at, $1.order) } }
        var response: Int64? { first.map { $0.at - created } }
        var channels: Int { Set(followUps.compactMap { $0.channel?.lowercased() }).count }
        var toConvert: Int? { converted.map { c in followUps.filter { $0.at <= c }.count } }
    }

    struct Touch: Sendable {
        var lead: Int
        var at: Int64
        var channel: String?, rep: String?, direction: String?, outcome: String?
        var order: Int
        var isFollowUp = false
    }

    var leads: [Lead] = []
    var touches: [Touch] = []

    init(_ store: LeadStore) {
        let l = store.leads
        func text(_ table: Table, _ name: String, _ row: Int) -> String? { table[name]?.data.renderedValue(row) }
        func time(_ table: Table, _ name: String, _ row: Int) -> Int64? {
            guard let values = table.timestamps(name), values[row] != Null.timestamp else { return nil }
            return values[row]
        }
        var index: [String: Int] = [:]
        for row in 0..<l.rowCount {
            let lead = Lead(id: text(l, "lead_id", row)!, created: time(l, "created_at", row)!,
                            segment: text(l, "segment", row), source: text(l, "source", row), owner: text(l, "owner", row),
                            region: text(l, "region", row), qualified: time(l, "qualified_at", row), converted: time(l, "converted_at", row))
            index[lead.id] = leads.count
            leads.append(lead)
        }
        let t = store.touches
        for row in 0..<t.rowCount {
            guard let id = text(t, "lead_id", row), let lead = index[id] else { continue }
            var touch = Touch(lead: lead, at: time(t, "at", row)!, channel: text(t, "channel", row), rep: text(t, "rep", row),
                              direction: text(t, "direction", row), outcome: text(t, "outcome", row), order: row)
            let inbound = ["inbound", "incoming", "in", "missed", "received"].contains(touch.direction?.lowercased() ?? "")
            touch.isFollowUp = !inbound && touch.at >= leads[lead].created
            if touch.isFollowUp { leads[lead].followUps.append(touch) }
            touches.append(touch)
        }
    }

    // MARK: The KPIs, from their definitions

    static func share(_ hits: Int, _ total: Int) -> Double? { total == 0 ? nil : Double(hits) / Double(total) }

    /// The interpolated quantile: linear between the two nearest ranks.
    static func quantile(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let position = Double(sorted.count - 1) * q
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    static func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

    /// A lead-grain KPI over a group of leads.
    static func leadKPI(_ name: String, _ group: [Lead]) -> Double? {
        switch name {
        case "leads": return Double(group.count)
        case "followed_up": return Double(group.filter { $0.followups > 0 }.count)
        case "rate": return share(group.filter { $0.followups > 0 }.count, group.count)
        case "never": return share(group.filter { $0.followups == 0 }.count, group.count)
        case "speed": return quantile(group.compactMap { $0.response.map(Double.init) }, 0.5)
        case "speed(p90)": return quantile(group.compactMap { $0.response.map(Double.init) }, 0.9)
        case "speed(avg)": return mean(group.compactMap { $0.response.map(Double.init) })
        case "within(1h)": return share(group.filter { ($0.response ?? .max) <= TimeScale.perHour }.count, group.count)
        case "within(30min)": return share(group.filter { ($0.response ?? .max) <= 30 * TimeScale.perMinute }.count, group.count)
        case "qualified": return share(group.filter { $0.qualified != nil }.count, group.count)
        case "conversion": return share(group.filter { $0.converted != nil }.count, group.count)
        case "touches_per_lead": return group.isEmpty ? nil : Double(group.map(\.followups).reduce(0, +)) / Double(group.count)
        case "touches_to_convert": return quantile(group.compactMap { $0.toConvert.map(Double.init) }, 0.5)
        case "distinct(owner)": return Double(Set(group.compactMap(\.owner)).count)
        default: fatalError("no reference for \(name)")
        }
    }

    /// The touch KPIs that read follow-ups only: their groups come from
    /// follow-ups, so a key with only inbound touches has no row.
    static let followUpOnlyKPIs: Set<String> = ["touches", "reply_rate"]

    /// A touch-grain KPI over a group of touches.
    static func touchKPI(_ name: String, _ group: [Touch]) -> Double? {
        let followUps = group.filter(\.isFollowUp)
        switch name {
        case "touches": return Double(followUps.count)
        case "reply_rate": return share(followUps.filter { ["replied", "connected"].contains($0.outcome?.lowercased() ?? "") }.count, followUps.count)
        case "distinct(rep)": return Double(Set(group.compactMap(\.rep)).count)
        case "distinct(outcome)": return Double(Set(group.compactMap(\.outcome)).count)
        default: fatalError("no reference for \(name)")
        }
    }

    // MARK: Calendar, the slow and obvious way

    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func date(_ moment: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(moment) / TimeInterval(TimeScale.perSecond))
    }

    static func month(_ moment: Int64) -> Int64 {
        let parts = utc.dateComponents([.year, .month], from: date(moment))
        return Int64(parts.year! * 12 + parts.month! - 1)
    }

    static func quarter(_ moment: Int64) -> Int64 {
        let parts = utc.dateComponents([.year, .month], from: date(moment))
        return Int64(parts.year! * 4 + (parts.month! - 1) / 3)
    }
}
