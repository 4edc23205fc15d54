import Foundation
import LeadStore

/// `next_due_at` of every lead under one cadence: the cadence's gap after
/// the last follow-up (after `created_at` for the first); null once the lead
/// is converted or has had every follow-up of the cadence.
///
/// A session keeps the column made for its cadence, so statements that name
/// `due`, `overdue` or `next_due_at` do not make it again: a different
/// cadence (`set cadence`) makes it anew, and loading other data starts a
/// new cache. `now` only moves the moment `due` and `overdue` compare with.
package final class NextDue: @unchecked Sendable {
    private let lock = NSLock()
    private var cadence: [Int64] = []
    private var made: [Int64]?

    package init() {}

    /// The column for `cadence`, made at most once while the cadence stays the same.
    func column(store: LeadStore, cadence: [Int64]) -> [Int64]? {
        lock.lock()
        defer { lock.unlock() }
        if let made, self.cadence == cadence { return made }
        guard let column = Self.make(store: store, cadence: cadence) else { return nil }
        (self.cadence, made) = (cadence, column)
        return column
    }

    /// One pass over the leads, each written once.
    static func make(store: LeadStore, cadence: [Int64]) -> [Int64]? {
        guard let created = store.leads.timestamps("created_at"), case .count(let counts)? = store.leads["followups"]?.data,
              let last = store.leads.timestamps("last_followup_at") else { return nil }
        let converted = store.leads.timestamps("converted_at") ?? [Int64](repeating: Null.timestamp, count: created.count)
        return [Int64](unsafeUninitializedCapacity: created.count) { due, written in
            created.withUnsafeBufferPointer { created in
                counts.withUnsafeBufferPointer { counts in
                    last.withUnsafeBufferPointer { last in
                        converted.withUnsafeBufferPointer { converted in
                            cadence.withUnsafeBufferPointer { cadence in
                                for lead in 0..<created.count {
                                    let done = Int(counts[lead])
                                    let from = done == 0 ? created[lead] : last[lead]
                                    due[lead] = done >= 0 && done < cadence.count && converted[lead] == Null.timestamp && from != Null.timestamp
                                        ? from &+ cadence[done] : Null.timestamp
                                }
                            }
                        }
                    }
                }
            }
            written = created.count
        }
    }
}
