import LeadEngine
import LeadStore

/// The touches that do not count as follow-ups, each with the reason: for
/// `.check` (the first few) and `.check touches` (all of them, as a result
/// that `.export` can write).
extension DataReports {
    /// Why a touch is not a follow-up, in the words of `.check`.
    enum Reason: String {
        case noLeadID = "no lead id"
        case unknownLead = "unknown lead id"
        case beforeCreation = "before its lead was created"
        case inbound = "inbound"
    }

    /// The touches left out of follow-ups (the first `limit` when given), in
    /// the order of `sampleOrder`: a `reason` column, then the touch's own
    /// columns; and how many are left out in all.
    static func leftOut(_ store: LeadStore, limit: Int? = nil) -> (table: ResultTable, total: Int) {
        let touches = store.touches, index = store.followUps
        let ids = touches.text("lead_id"), at = touches.timestamps("at"), created = store.leads.timestamps("created_at")
        let all = sampleOrder((0..<touches.rowCount).filter { !index.isFollowUp[$0] }.map(UInt32.init), of: touches)
        var rows: [UInt32] = [], reasons: [String?] = []
        let total = all.count
        for row in all.prefix(limit ?? all.count).map(Int.init) {
            let lead = index.touchLead[row]
            let reason: Reason
            if lead == FollowUpIndex.noLead {
                reason = ids.map { $0.codes[row] == Null.textCode } ?? true ? .noLeadID : .unknownLead
            } else if let at, let created, at[row] < created[Int(lead)] {
                reason = .beforeCreation
            } else {
                reason = .inbound
            }
            rows.append(UInt32(row))
            reasons.append(reason.rawValue)
        }
        var columns = [ResultColumn(name: "reason", kind: .text, values: .strings(reasons))]
        for column in touches.columns { columns.append(resultColumn(column.name, column.data.gathered(rows))) }
        return (ResultTable(columns: columns, rowCount: rows.count), total)
    }

    private static func resultColumn(_ name: String, _ data: ColumnData) -> ResultColumn {
        switch data {
        case .text(let column): ResultColumn(name: name, kind: .text, values: .text(column.codes.wide, column.dictionary))
        case .number(let values): ResultColumn(name: name, kind: .number, values: .doubles(values))
        case .timestamp(let values): ResultColumn(name: name, kind: .timestamp, values: .ints(values.map { $0 == Null.timestamp ? Int64.min : $0 }))
        case .duration(let values): ResultColumn(name: name, kind: .duration, values: .doubles(values.map { $0 == Null.timestamp ? .nan : Double($0) }))
        case .count(let values): ResultColumn(name: name, kind: .count, values: .ints(values.map { $0 == Null.count ? Int64.min : Int64($0) }))
        }
    }

    /// The first `limit` touches left out, drawn as a table, and how many more there are.
    static func leftOutSample(_ store: LeadStore, limit: Int) -> [String] {
        let (table, total) = leftOut(store, limit: limit)
        return leftOutSample(table, total: total, limit: limit)
    }

    /// A sample of the touches left out, drawn as a table, and how many more there are.
    static func leftOutSample(_ table: ResultTable, total: Int, limit: Int) -> [String] {
        guard total > 0 else { return [] }
        var lines = TableRenderer(color: false, maximumRows: nil).render(table)
        lines.removeLast()
        if total > limit { lines.append(Messages.moreTouches(total - limit)) }
        return [total > limit ? "The first \(limit) of them:" : "Those touches:"] + lines
    }
}
