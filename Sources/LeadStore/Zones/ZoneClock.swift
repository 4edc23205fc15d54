/// A zone's offsets over a range of moments, laid out by UTC day so that a
/// row's wall-clock time costs a division and a table look-up instead of a
/// search: each day keeps its offset at the start, the moment of a change
/// within it (if any) and the offset after. A day with two changes, or a
/// moment outside the range, falls back to the search.
public struct ZoneClock: Sendable {
    public let zone: ZoneRules
    private let firstDay: Int64
    private let before: [Int64]
    private let change: [Int64]
    private let after: [Int64]

    /// Days a clock lays out at most (about 11,000 years).
    static let dayLimit: Int64 = 4_000_000

    public init(zone: ZoneRules, over extent: ClosedRange<Int64>?) {
        self.zone = zone
        let perDay = TimeScale.perDay
        guard !zone.isFixed, let extent else {
            firstDay = 0; before = []; change = []; after = []
            return
        }
        let first = Self.floorDiv(extent.lowerBound, perDay), last = Self.floorDiv(extent.upperBound, perDay)
        guard last - first < Self.dayLimit else {
            firstDay = 0; before = []; change = []; after = []
            return
        }
        firstDay = first
        var before: [Int64] = [], change: [Int64] = [], after: [Int64] = []
        let count = Int(last - first + 1)
        before.reserveCapacity(count); change.reserveCapacity(count); after.reserveCapacity(count)
        // Walk the days and the list of changes together.
        var next = zone.transitions.partitionPoint { $0 <= first * perDay }
        for day in first...last {
            let start = day * perDay, end = start + perDay
            let offset = zone.offsets[next]
            var inDay = 0
            while next + inDay < zone.transitions.count, zone.transitions[next + inDay] < end { inDay += 1 }
            switch inDay {
            case 0:
                before.append(offset); change.append(.max); after.append(offset)
            case 1:
                before.append(offset); change.append(zone.transitions[next]); after.append(zone.offsets[next + 1])
            default:
                before.append(.min); change.append(.min); after.append(.min)
            }
            next += inDay
        }
        self.before = before
        self.change = change
        self.after = after
    }

    /// The wall-clock time at `moment` (see `ZoneRules.local`).
    @inline(__always)
    public func local(_ moment: Int64) -> Int64 {
        if before.isEmpty { return zone.isFixed ? moment + zone.offsets[0] : zone.local(moment) }
        let day = Self.floorDiv(moment, TimeScale.perDay) - firstDay
        guard day >= 0, day < before.count else { return zone.local(moment) }
        let i = Int(day)
        let offset = moment < change[i] ? before[i] : after[i]
        return offset == .min ? zone.local(moment) : moment + offset
    }

    @inline(__always)
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

extension Array where Element == Int64 {
    /// The index of the first element for which `belongs` is false, in an array where it is true first.
    func partitionPoint(_ belongs: (Int64) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) >> 1
            if belongs(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
