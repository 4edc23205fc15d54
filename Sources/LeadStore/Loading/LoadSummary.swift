import Foundation

/// What a load read and found, for the analyst to check at a glance.
public struct LoadSummary: Sendable {
    /// One file read.
    public struct FileReport: Sendable {
        public var name: String
        public var role: TableRole
        public var rows: Int
        public var bytes: Int
        public var seconds: Double
        /// Generated (the demo data), not read from an export.
        public var generated = false
        /// Each field of the file and the header it was read from, in the file's order.
        public var origins: [(field: String, header: String)] = []
    }

    public var files: [FileReport] = []
    public var leadCount = 0
    public var touchCount = 0
    public var touchCounts = TouchCounts()
    /// How columns were read where the file left it open (`Call Type` → direction, …).
    public var decisions: [String] = []
    /// Deals whose lead id is not among the leads.
    public var unknownDeals = 0
    /// Wall time of the whole load, derived fields included.
    public var seconds = 0.0
    /// The timestamps written without an offset, and the zone they were read in.
    public var wallClock = WallClockReading()

    /// How many timestamps had no offset, and the zone that placed them
    /// (the load's zone, whether or not any had none).
    public struct WallClockReading: Sendable {
        public var count = 0
        public var zone = ZoneRules.utc.name

        mutating func add(_ count: Int, zone: ZoneRules) {
            self.count += count
            self.zone = zone.name
        }
    }

    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }

    /// What the analyst should see even when the load is not shown: no touches at all.
    public var warnings: [String] { (hasTouchFiles ? [] : [LoadMessages.noTouches]) + leadZoneWarnings }

    /// Leads whose `timezone` names no zone.
    public var leadZoneWarnings: [String] = []

    /// Whether a touch file or a status log was read.
    public var hasTouchFiles: Bool { files.contains { $0.role == .touches || $0.role == .events } }

    /// The summary as lines of plain text; `timing` adds size, time and throughput.
    public func lines(leads: Table, touches: Table, timing: Bool = true) -> [String] {
        var lines: [String] = []
        let megabytes = Double(files.filter { !$0.generated }.reduce(0) { $0 + $1.bytes }) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        let read = files.filter { !$0.generated }
        let generated = read.count < files.count
        let fileCount = Quantity.counted(read.count, "file", "files")
        var counts = "Loaded \(Quantity.counted(leadCount, "lead", "leads")) and \(Quantity.counted(touchCount, "touch", "touches"))"
        if !read.isEmpty { counts += " from \(fileCount)" + (timing ? " (\(String(format: "%.1f", megabytes)) MB)" : "") }
        if generated { counts += read.isEmpty ? " generated in memory" : " and data generated in memory" }
        lines.append(
            timing
                ? counts + " in \(Self.duration(seconds))"
                    + (seconds > 0.05 && !read.isEmpty ? String(format: ", %.0f MB/s", rate) : "") + "."
                : counts + ".")
        if timing {
            let reading = files.map { "\(($0.name as NSString).lastPathComponent) \(Self.duration($0.seconds))" }
            let indexing = max(0, seconds - files.reduce(0) { $0 + $1.seconds })
            lines.append("  time:    " + (reading + ["follow-up index \(Self.duration(indexing))"]).joined(separator: ", "))
        }
        lines.append("  leads:   " + Self.describe(leads, skipping: Set(FollowUpIndex.derivedFieldNames)))
        lines.append("  touches: " + Self.describe(touches, skipping: []))
        lines += Self.lines(touchCounts)
        for decision in decisions { lines.append("  note: " + decision) }
        if wallClock.count > 0 {
            lines.append("  note: " + ZoneMessages.readWithoutOffset(count: Quantity.counted(wallClock.count, "timestamp", "timestamps"), zone: wallClock.zone))
        }
        for warning in warnings { lines.append("  warning: " + warning) }
        return lines
    }

    /// Where the touches went (follow-ups, inbound, …) and the direction values taken as outbound.
    public static func lines(_ c: TouchCounts) -> [String] {
        var notes: [String] = [Quantity.counted(c.followUps, "follow-up", "follow-ups")]
        if c.inbound > 0 { notes.append("\(Quantity.grouped(c.inbound)) inbound") }
        if c.beforeCreation > 0 { notes.append("\(Quantity.grouped(c.beforeCreation)) before their lead was created") }
        if c.unknownLead > 0 {
            notes.append("\(Quantity.grouped(c.unknownLead)) for \(Quantity.counted(c.unknownLeadIDs, "unknown lead id", "unknown lead ids"))")
        }
        if c.withoutLeadID > 0 { notes.append("\(Quantity.grouped(c.withoutLeadID)) with no lead id") }
        var lines = ["  touches: " + notes.joined(separator: ", ") + (notes.count > 1 ? " (only follow-ups count in KPIs; .check lists the rest)" : "")]
        for (value, count) in c.unrecognizedDirections.sorted(by: { $0.key < $1.key }) {
            lines.append("  note: direction \"\(value)\" (\(Quantity.counted(count, "touch", "touches"))) is not inbound or outbound; counted as outbound")
        }
        return lines
    }

    private static func describe(_ table: Table, skipping: Set<String>) -> String {
        table.columns.filter { !skipping.contains($0.name) }.map { "\($0.name) \($0.kind.rawValue)" }.joined(separator: ", ")
    }

    static func origins(of table: Table) -> [(field: String, header: String)] {
        table.columns.map { ($0.name, $0.origin) }
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}
