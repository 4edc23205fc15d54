/// The rules of one time zone: the offset from UTC in effect at every
/// moment, as a sorted list of the instants where it changes. Built once
/// from the tz database (or a fixed offset); every lookup is a search of
/// that list, never a question to the system.
public struct ZoneRules: Sendable, Equatable {
    /// What the zone is called: `UTC`, `Europe/Berlin`, `+05:30`.
    public let name: String
    /// Instants (`TimeScale` units) where the offset changes, ascending.
    let transitions: [Int64]
    /// The offset (`TimeScale` units) before the first change, then after each one:
    /// `offsets[i]` holds from `transitions[i - 1]` to `transitions[i]`.
    let offsets: [Int64]

    init(name: String, transitions: [Int64], offsets: [Int64]) {
        precondition(offsets.count == transitions.count + 1)
        self.name = name
        self.transitions = transitions
        self.offsets = offsets
    }

    public static let utc = ZoneRules(name: "UTC", transitions: [], offsets: [0])

    /// A zone that is always `seconds` ahead of UTC, named `+05:30`.
    public static func fixed(seconds: Int) -> ZoneRules {
        if seconds == 0 { return .utc }
        return ZoneRules(name: offsetText(TimeScale.units(seconds: seconds)), transitions: [], offsets: [TimeScale.units(seconds: seconds)])
    }

    /// Whether the zone is UTC itself (times print with `Z`).
    public var isUTC: Bool { transitions.isEmpty && offsets[0] == 0 }

    /// Whether the offset never changes.
    public var isFixed: Bool { transitions.isEmpty }

    /// The offset from UTC in effect at `moment`.
    @inline(__always)
    public func offset(at moment: Int64) -> Int64 {
        if transitions.isEmpty { return offsets[0] }
        var low = 0, high = transitions.count
        while low < high {
            let middle = (low + high) >> 1
            if transitions[middle] <= moment { low = middle + 1 } else { high = middle }
        }
        return offsets[low]
    }

    /// The wall-clock time at `moment`, as stored units since a local 1970-01-01T00:00.
    @inline(__always)
    public func local(_ moment: Int64) -> Int64 { moment + offset(at: moment) }

    /// The moment a wall-clock time names: the moment itself for most times,
    /// the earlier one of a time that happens twice (when clocks go back),
    /// and for a time skipped when clocks go forward, the time read with the
    /// offset before the change, so it moves forward by the gap (02:30 on a
    /// spring-forward night in New York is 03:30 EDT), as PostgreSQL, Python
    /// and DuckDB read it. A skipped time at the start of the gap (a skipped
    /// midnight, a bucket's start) is the change itself.
    public func instant(wall: Int64) -> Int64 {
        if transitions.isEmpty { return wall - offsets[0] }
        let early = wall - offset(at: wall - TimeScale.perDay), late = wall - offset(at: wall + TimeScale.perDay)
        let earlyFits = local(early) == wall, lateFits = local(late) == wall
        if earlyFits && lateFits { return min(early, late) }
        if earlyFits { return early }
        if lateFits { return late }
        // Skipped: read with the offset in force before the change.
        return early
    }

    /// `+05:30`, `-04:00`, `+00:00`; seconds when the offset has them.
    public static func offsetText(_ units: Int64) -> String {
        let seconds = Int(units / TimeScale.perSecond)
        let magnitude = abs(seconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = (seconds < 0 ? "-" : "+") + two(magnitude / 3600) + ":" + two(magnitude / 60 % 60)
        if magnitude % 60 != 0 { text += ":" + two(magnitude % 60) }
        return text
    }
}

extension ZoneRules {
    /// The wall-clock times around `wall` that all read with one offset and
    /// happen once, with that offset: a reader of many times asks the rules
    /// again only when a time falls outside the span.
    public func steadySpan(around wall: Int64) -> (span: Range<Int64>, offset: Int64) {
        if transitions.isEmpty { return (Int64.min..<Int64.max, offsets[0]) }
        let moment = instant(wall: wall)
        let i = transitions.partitionPoint { $0 <= moment }
        let offset = offsets[i]
        let low = i == 0 ? Int64.min : transitions[i - 1] + max(offsets[i - 1], offset)
        let high = i == transitions.count ? Int64.max : transitions[i] + min(offsets[i + 1], offset)
        return (low..<max(low, high), offset)
    }
}
