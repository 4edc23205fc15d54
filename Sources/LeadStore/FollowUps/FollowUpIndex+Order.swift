import Foundation

/// Putting touches in order by lead, then time, then file order: a counting
/// sort by lead on every core (each core counts its stretch of the touches,
/// then writes them to their places, its stretch's touches of a lead after
/// those of the stretches before), then a sort by time within each lead,
/// leads shared out among the cores.
extension FollowUpIndex {
    /// How touches move to be in order; and where each lead's touches start once they are.
    static func order(fileLead: [UInt32], at: [Int64], leadCount: Int) -> (moves: Moves, touchStart: [UInt32]) {
        // Lead rows, then one bucket for touches of no known lead.
        let buckets = leadCount + 1
        let stretches = fileLead.count >= 1 << 16 ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1
        let bounds = (0...stretches).map { $0 * fileLead.count / stretches }
        let counted = ParallelResults<Counted>.map(stretches) { stretch in
            Counted(fileLead, at: at, bounds[stretch]..<bounds[stretch + 1], buckets: buckets)
        }.map { $0! }
        var grouped = counted.allSatisfy(\.grouped)
        var last = 0
        for part in counted where part.first != nil {
            if part.first! < last { grouped = false }
            last = part.last!
        }
        var start = [UInt32](repeating: 0, count: buckets + 1)
        for part in counted { for bucket in 0..<buckets { start[bucket + 1] &+= part.counts[bucket] } }
        for bucket in 1..<start.count { start[bucket] &+= start[bucket - 1] }
        let moves = grouped
            ? withinLeads(start: start, at: at, leadCount: leadCount)
            : .all(rows: scattered(fileLead: fileLead, at: at, start: start, counted: counted, bounds: bounds, leadCount: leadCount))
        start.removeLast()
        return (moves, start)
    }

    /// One stretch's touches counted by bucket, whether they come grouped by
    /// lead, and whether they come in time order (with the touch before the stretch).
    private struct Counted: Sendable {
        var counts: [UInt32]
        var grouped = true
        var timeOrdered = true
        var first: Int?
        var last: Int?

        init(_ fileLead: [UInt32], at: [Int64], _ range: Range<Int>, buckets: Int) {
            counts = [UInt32](repeating: 0, count: buckets)
            var previous = 0, grouped = true, timeOrdered = true
            fileLead.withUnsafeBufferPointer { fileLead in
                at.withUnsafeBufferPointer { at in
                    counts.withUnsafeMutableBufferPointer { counts in
                        var time = range.lowerBound > 0 ? at[range.lowerBound - 1] : Int64.min
                        for touch in range {
                            let lead = fileLead[touch]
                            let bucket = lead == FollowUpIndex.noLead ? buckets - 1 : Int(lead)
                            counts[bucket] &+= 1
                            if bucket < previous { grouped = false }
                            previous = bucket
                            if at[touch] < time { timeOrdered = false }
                            time = at[touch]
                        }
                    }
                }
            }
            self.grouped = grouped
            self.timeOrdered = timeOrdered
            if !range.isEmpty {
                first = fileLead[range.lowerBound] == FollowUpIndex.noLead ? buckets - 1 : Int(fileLead[range.lowerBound])
                last = previous
            }
        }
    }

    /// The moves of touches already grouped by lead: only leads whose
    /// touches are out of time order have theirs sorted.
    private static func withinLeads(start: [UInt32], at: [Int64], leadCount: Int) -> Moves {
        let chunks = min(leadCount, 64)
        let found = ParallelResults<(runs: [Range<Int>], sources: [UInt32])>.map(chunks) { chunk in
            var runs: [Range<Int>] = []
            var sources: [UInt32] = []
            at.withUnsafeBufferPointer { at in
                for lead in chunk * leadCount / chunks..<(chunk + 1) * leadCount / chunks {
                    let run = Int(start[lead])..<Int(start[lead + 1])
                    guard run.count > 1, !(run.lowerBound + 1..<run.upperBound).allSatisfy({ at[$0 - 1] <= at[$0] }) else { continue }
                    runs.append(run)
                    let first = sources.count
                    sources.append(contentsOf: UInt32(run.lowerBound)..<UInt32(run.upperBound))
                    let end = sources.count
                    sources.withUnsafeMutableBufferPointer { sortByTime($0, first..<end, at: at) }
                }
            }
            return (runs, sources)
        }
        let runs = found.flatMap { $0?.runs ?? [] }
        return runs.isEmpty ? .none : .withinLeads(runs: runs, sources: found.flatMap { $0?.sources ?? [] })
    }

    /// Sorts the touch rows in `rows[range]` by time, then row; in place.
    private static func sortByTime(_ rows: UnsafeMutableBufferPointer<UInt32>, _ range: Range<Int>, at: UnsafeBufferPointer<Int64>) {
        guard range.count > 32 else {
            for i in range.dropFirst() {
                let row = rows[i], time = at[Int(row)]
                var j = i
                while j > range.lowerBound, at[Int(rows[j - 1])] > time {
                    rows[j] = rows[j - 1]
                    j -= 1
                }
                rows[j] = row
            }
            return
        }
        var slice = UnsafeMutableBufferPointer(rebasing: rows[range])
        slice.sort { (at[Int($0)], $0) < (at[Int($1)], $1) }
    }

    /// The rows of touches in any order, put in order by lead (each stretch
    /// writing its own touches, after those of the stretches before) and
    /// then by time within each lead.
    private static func scattered(
        fileLead: [UInt32], at: [Int64], start: [UInt32], counted: [Counted], bounds: [Int], leadCount: Int
    ) -> [UInt32] {
        let buckets = leadCount + 1
        // Where each stretch writes its next touch of each bucket.
        var nexts: [[UInt32]] = []
        var running = Array(start.dropLast())
        for part in counted {
            nexts.append(running)
            for bucket in 0..<buckets { running[bucket] &+= part.counts[bucket] }
        }
        var rows = [UInt32].unwritten(count: fileLead.count)
        rows.withUnsafeMutableBufferPointer { rows in
            let target = Rows(base: rows.baseAddress!, count: rows.count)
            let places = nexts
            DispatchQueue.concurrentPerform(iterations: counted.count) { stretch in
                var next = places[stretch]
                fileLead.withUnsafeBufferPointer { fileLead in
                    for touch in bounds[stretch]..<bounds[stretch + 1] {
                        let lead = fileLead[touch]
                        let bucket = lead == noLead ? buckets - 1 : Int(lead)
                        target.base[Int(next[bucket])] = UInt32(touch)
                        next[bucket] &+= 1
                    }
                }
            }
            // Touches exported in time order are in order within each lead already:
            // the counting sort keeps each lead's touches in file order.
            guard !counted.allSatisfy(\.timeOrdered) else { return }
            let chunks = min(max(leadCount, 1), 64)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let all = UnsafeMutableBufferPointer(start: target.base, count: target.count)
                at.withUnsafeBufferPointer { at in
                    for lead in chunk * leadCount / chunks..<(chunk + 1) * leadCount / chunks where start[lead + 1] - start[lead] > 1 {
                        let range = Int(start[lead])..<Int(start[lead + 1])
                        if range.dropFirst().allSatisfy({ at[Int(all[$0 - 1])] <= at[Int(all[$0])] }) { continue }
                        sortByTime(all, range, at: at)
                    }
                }
            }
        }
        return rows
    }
}

extension FollowUpIndex {
    /// The lead row of each touch in order by lead: lead `l` from
    /// `touchStart[l]` to `touchStart[l + 1]`, then `noLead` from the last
    /// entry (the touches of no known lead) to `count`. Leads shared out among the cores.
    static func leadRows(touchStart: [UInt32], count: Int) -> [UInt32] {
        let leadCount = touchStart.count - 1
        var rows = [UInt32].unwritten(count: count)
        guard count > 0 else { return rows }
        rows.withUnsafeMutableBufferPointer { rows in
            let target = Rows(base: rows.baseAddress!, count: rows.count)
            let chunks = min(max(leadCount, 1), 64)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for lead in chunk * leadCount / chunks..<(chunk + 1) * leadCount / chunks {
                    let start = Int(touchStart[lead])
                    (target.base + start).initialize(repeating: UInt32(lead), count: Int(touchStart[lead + 1]) - start)
                }
            }
            let unknown = Int(touchStart[leadCount])
            (target.base + unknown).initialize(repeating: noLead, count: count - unknown)
        }
        return rows
    }
}

/// The ordered rows being written, each core its own places.
private struct Rows: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt32>
    let count: Int
}
