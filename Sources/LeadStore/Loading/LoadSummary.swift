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
    }

    public var files: [FileReport] = []
    public var leadCount = 0
    public var touchCount = 0
    public var touchCounts = TouchCounts()
    /// How columns were read where the file left it open (`Call Type` → direction, …).
    public var decisions: [String] = []
    /// Wall time of the whole load, derived fields included.
    public var seconds = 0.0

    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }

    /// The summary as lines of plain text; `timing` adds size, time and throughput.
    public func lines(leads: Table, touches: Table, timing: Bool = true) -> [String] {
        var lines: [String] = []
        let megabytes = Double(totalBytes) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        let fileCount = "\(files.count) file\(files.count == 1 ? "" : "s")"
        let counts = "Loaded \(Self.grouped(leadCount)) leads and \(Self.grouped(touchCount)) touches from \(fileCount)"
        lines.append(
            timing
                ? counts + " (\(String(format: "%.1f", megabytes)) MB) in \(Self.duration(seconds))"
                    + (seconds > 0.05 ? String(format: ", %.0f MB/s", rate) : "") + "."
                : counts + ".")
        if timing {
            let reading = files.map { "\(($0.name as NSString).lastPathComponent) \(Self.duration($0.seconds))" }
            let indexing = max(0, seconds - files.reduce(0) { $0 + $1.seconds })
            lines.append("  time:    " + (reading + ["follow-up index \(Self.duration(indexing))"]).joined(separator: ", "))
        }
        lines.append("  leads:   " + Self.describe(leads, skipping: Set(FollowUpIndex.derivedFieldNames)))
        lines.append("  touches: " + Self.describe(touches, skipping: []))
        let c = touchCounts
        var notes: [String] = ["\(Self.grouped(c.followUps)) follow-ups"]
        if c.inbound > 0 { notes.append("\(Self.grouped(c.inbound)) inbound") }
        if c.beforeCreation > 0 { notes.append("\(Self.grouped(c.beforeCreation)) before their lead was created") }
        if c.unknownLead > 0 {
            notes.append("\(Self.grouped(c.unknownLead)) for \(Self.grouped(c.unknownLeadIDs)) unknown lead id\(c.unknownLeadIDs == 1 ? "" : "s")")
        }
        if c.withoutLeadID > 0 { notes.append("\(Self.grouped(c.withoutLeadID)) with no lead id") }
        lines.append("  touches: " + notes.joined(separator: ", ") + (notes.count > 1 ? " (only follow-ups count in KPIs; .check lists the rest)" : ""))
        for (value, count) in c.unrecognizedDirections.sorted(by: { $0.key < $1.key }) {
            lines.append("  note: direction \"\(value)\" (\(Self.grouped(count)) touches) is not inbound or outbound; counted as outbound")
        }
        for decision in decisions { lines.append("  note: " + decision) }
        return lines
    }

    private static func describe(_ table: Table, skipping: Set<String>) -> String {
        table.columns.filter { !skipping.contains($0.name) }.map { "\($0.name) \($0.kind.rawValue)" }.joined(separator: ", ")
    }

    /// `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}
