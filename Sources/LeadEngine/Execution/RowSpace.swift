import LeadStore

/// The rows of one grain: leads, or the touches that belong to a known lead
/// (touches of unknown leads sort last in the store and are left out).
struct RowSpace {
    let grain: Grain
    let rowCount: Int
    /// For touches, the lead row of each touch.
    let touchLead: [UInt32]
    /// For touches, whether each is a follow-up.
    let isFollowUp: [Bool]

    init(grain: Grain, store: LeadStore) {
        self.grain = grain
        if grain == .lead {
            rowCount = store.leads.rowCount
            touchLead = []
            isFollowUp = []
        } else {
            rowCount = Int(store.followUps.touchStart.last ?? 0)
            touchLead = store.followUps.touchLead
            isFollowUp = store.followUps.isFollowUp
        }
    }

    /// Every row.
    var allRows: [UInt32] { Self.rows(0..<rowCount) }

    /// The row numbers in `range`, written in one loop without an append per row.
    static func rows(_ range: Range<Int>) -> [UInt32] {
        precondition(range.upperBound <= Int(UInt32.max), "row \(range.upperBound) does not fit a 32-bit row number")
        return [UInt32](unsafeUninitializedCapacity: range.count) { rows, count in
            let first = UInt32(range.lowerBound)
            for i in 0..<range.count { rows[i] = first &+ UInt32(truncatingIfNeeded: i) }
            count = range.count
        }
    }

    /// Whether a column must be read through each touch's lead.
    func readsThroughLead(_ column: ColumnRef) -> Bool { grain == .touch && column.grain == .lead }

    /// Calls `body` with the index into the column's own table for each row,
    /// in order: the row itself, or the touch's lead.
    @inline(__always)
    func withIndices<R>(_ rows: [UInt32], of column: ColumnRef, _ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        if readsThroughLead(column) {
            let mapped = touchLead.withUnsafeBufferPointer { lead in rows.map { lead[Int($0)] } }
            return mapped.withUnsafeBufferPointer(body)
        }
        return rows.withUnsafeBufferPointer(body)
    }

    /// The column's values at `rows` as numbers, NaN for null (durations and timestamps in `TimeScale` units).
    func numbers(_ column: ColumnRef, at rows: [UInt32]) -> [Double] {
        withIndices(rows, of: column) { index in
            switch column.data {
            case .number(let values):
                return values.withUnsafeBufferPointer { v in index.map { v[Int($0)] } }
            case .count(let values):
                return values.withUnsafeBufferPointer { v in index.map { v[Int($0)] == Null.count ? .nan : Double(v[Int($0)]) } }
            case .timestamp(let values), .duration(let values):
                return values.withUnsafeBufferPointer { v in index.map { v[Int($0)] == Null.timestamp ? .nan : Double(v[Int($0)]) } }
            case .text(let text):
                return text.codes.withReader { v in index.map { v[Int($0)] == Null.textCode ? .nan : Double(v[Int($0)]) } }
            }
        }
    }
}
