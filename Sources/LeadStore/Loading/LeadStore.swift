import Foundation

/// The loaded data: leads with their derived fields, and their touches
/// indexed by lead. The one thing every query runs over.
public struct LeadStore: Sendable {
    /// Leads, one row each, with the derived fields of SPEC §2 as columns.
    public private(set) var leads: Table
    /// Touches, in order by lead and then time; touches of no known lead come last.
    public private(set) var touches: Table
    /// Which touches belong to which lead, and which are follow-ups.
    public private(set) var followUps: FollowUpIndex
    /// What the last load read and found.
    public private(set) var summary: LoadSummary
    /// The smallest and largest value of each timestamp, duration and count
    /// column (leads, then touches), for sizing group tables.
    public private(set) var leadExtents: [String: ClosedRange<Int64>] = [:]
    public private(set) var touchExtents: [String: ClosedRange<Int64>] = [:]

    /// Loads leads and any number of touch files (calls, emails and meetings
    /// often come as separate exports); their rows are stacked.
    public init(leads: DataSource, touches: [DataSource], progress: LoadProgress? = nil) throws(LoadError) {
        let clock = ContinuousClock.now
        var summary = LoadSummary()
        var leadTable = try Self.readLeads(leads, summary: &summary, progress: progress)
        var touchTable = Self.emptyTouches
        for (index, source) in touches.enumerated() {
            let read = try Self.readTouches(source, summary: &summary, progress: progress, leadIDs: leadTable.text("lead_id")?.dictionary)
            touchTable = index == 0 ? read : touchTable.concatenated(with: read)
        }
        // Built on the only copies of the tables, so that touches are reordered in place.
        self.followUps = FollowUpIndex.build(leads: &leadTable, touches: &touchTable)
        self.leads = leadTable
        self.touches = touchTable
        summary.seconds = Self.seconds(since: clock)
        self.summary = summary
        finishSummary()
    }

    /// Adds the touches of another file to those loaded.
    public mutating func addTouches(_ source: DataSource, progress: LoadProgress? = nil) throws(LoadError) {
        let clock = ContinuousClock.now
        var summary = LoadSummary()
        let added = try Self.readTouches(source, summary: &summary, progress: progress, leadIDs: leads.text("lead_id")?.dictionary)
        touches = touches.concatenated(with: added)
        rederive(summary: summary, since: clock)
    }

    /// Replaces the leads, keeping the touches loaded (generated touches go with the generated leads).
    public mutating func replaceLeads(_ source: DataSource, progress: LoadProgress? = nil) throws(LoadError) {
        let clock = ContinuousClock.now
        var summary = LoadSummary()
        leads = try Self.readLeads(source, summary: &summary, progress: progress)
        // Touches generated in memory (the demo's) belong to the leads they were made for.
        if self.summary.files.contains(where: { $0.role == .touches && $0.generated }) {
            touches = Self.emptyTouches
            self.summary.files.removeAll { $0.role == .touches }
            self.summary.decisions.removeAll()
            summary.decisions.append("the generated touches belong to the generated leads, so they were dropped; .load touches FILE adds touches")
        }
        rederive(summary: summary, since: clock)
    }

    private mutating func rederive(summary newSummary: LoadSummary, since clock: ContinuousClock.Instant) {
        leads = leads.removing(Set(FollowUpIndex.derivedFieldNames))
        followUps = FollowUpIndex.build(leads: &leads, touches: &touches)
        // The summary covers every file now loaded: a new leads file replaces the old one.
        let replacedLeads = newSummary.files.contains { $0.role == .leads }
        let kept = summary.files.filter { !(replacedLeads && $0.role == .leads) }
        let decisions = summary.decisions
        var wallClock = summary.wallClock
        wallClock.count += newSummary.wallClock.count
        if newSummary.wallClock.count > 0 { wallClock.zone = newSummary.wallClock.zone }
        summary = newSummary
        summary.wallClock = wallClock
        summary.files = kept + newSummary.files
        summary.decisions = decisions + newSummary.decisions
        summary.seconds = Self.seconds(since: clock)
        finishSummary()
    }

    private mutating func finishSummary() {
        leadExtents = Self.extents(of: leads)
        touchExtents = Self.extents(of: touches)
        summary.leadCount = leads.rowCount
        summary.touchCount = touches.rowCount
        summary.touchCounts = followUps.counts
    }

    /// One column per core at a time.
    private static func extents(of table: Table) -> [String: ClosedRange<Int64>] {
        let columns = table.columns
        let found = ParallelResults<ClosedRange<Int64>>.map(columns.count) { index in
            var low = Int64.max, high = Int64.min
            switch columns[index].data {
            case .timestamp(let values), .duration(let values):
                for value in values where value != Null.timestamp {
                    low = min(low, value)
                    high = max(high, value)
                }
            case .count(let values):
                for value in values where value != Null.count {
                    low = min(low, Int64(value))
                    high = max(high, Int64(value))
                }
            default: return nil
            }
            return low <= high ? low...high : nil
        }
        var result: [String: ClosedRange<Int64>] = [:]
        for (column, range) in zip(columns, found) where range != nil { result[column.name] = range }
        return result
    }

    /// The summary as lines of plain text.
    public var summaryLines: [String] { summary.lines(leads: leads, touches: touches) }

    /// The summary without its timing, the same on every run.
    public var stableSummaryLines: [String] { summary.lines(leads: leads, touches: touches, timing: false) }

    private static var emptyTouches: Table {
        Table(rowCount: 0, columns: [
            Column(name: "lead_id", origin: "lead_id", data: .text(TextColumn(codes: [], dictionary: TextDictionary()))),
            Column(name: "at", origin: "at", data: .timestamp([])),
        ])
    }

    private static func readLeads(
        _ source: DataSource, summary: inout LoadSummary, progress: LoadProgress?
    ) throws(LoadError) -> Table {
        let clock = ContinuousClock.now
        let file = try source.read()
        let parsed = try CSVTableReader.read(file, role: .leads, mappings: source.mappings, progress: progress,
                                             dateOrder: try source.dateOrder(), zone: source.zone)
        try checkUnique(parsed.table, file: file)
        summary.decisions += parsed.dateNotes.map { "\(file.name): \($0)" }
        summary.wallClock.add(parsed.wallClockCount, zone: source.zone)
        summary.files.append(.init(
            name: file.name, role: .leads, rows: parsed.table.rowCount, bytes: file.count,
            seconds: seconds(since: clock), generated: source.isGenerated, origins: LoadSummary.origins(of: parsed.table)))
        return parsed.table
    }

    private static func readTouches(
        _ source: DataSource, summary: inout LoadSummary, progress: LoadProgress?, leadIDs: TextDictionary?
    ) throws(LoadError) -> Table {
        let clock = ContinuousClock.now
        let file = try source.read()
        let parsed = try CSVTableReader.read(file, role: .touches, mappings: source.mappings, progress: progress, leadIDs: leadIDs,
                                             dateOrder: try source.dateOrder(), zone: source.zone)
        var table = parsed.table
        summary.decisions += parsed.dateNotes.map { "\(file.name): \($0)" }
        summary.wallClock.add(parsed.wallClockCount, zone: source.zone)
        for constant in parsed.map.constants {
            summary.decisions.append("\(file.name): no column \"\(constant.value)\", so every row has \(constant.name) \"\(constant.value)\"")
        }
        for name in parsed.undecided {
            guard let text = table.text(name) else { continue }
            let header = table[name]!.origin
            let sample = text.dictionary.values.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
            if table["direction"] == nil && TouchDirection.looksLikeDirection(text.dictionary) {
                table = table.renaming(name, to: "direction")
                summary.decisions.append("\(file.name): \"\(header)\" read as direction (values \(sample))")
            } else if table["channel"] == nil {
                table = table.renaming(name, to: "channel")
                summary.decisions.append("\(file.name): \"\(header)\" read as channel (values \(sample))")
            }
        }
        summary.files.append(.init(
            name: file.name, role: .touches, rows: table.rowCount, bytes: file.count,
            seconds: seconds(since: clock), generated: source.isGenerated, origins: LoadSummary.origins(of: table)))
        return table
    }

    /// Refuses a leads file in which a lead id appears twice, naming both lines.
    private static func checkUnique(_ leads: Table, file: FileBytes) throws(LoadError) {
        guard let ids = leads.text("lead_id"), ids.dictionary.count != leads.rowCount else { return }
        for (row, code) in ids.codes.enumerated() where Int(code) != row {
            let lines = CSVLines.lines(ofRecords: [Int(code), row], in: file)
            try file.checkUnchanged()
            let column = (leads.columns.firstIndex { $0.name == "lead_id" } ?? 0) + 1
            throw LoadError(
                file: file.name, line: lines[1], column: column,
                message: "duplicate lead_id \"\(ids.dictionary[code])\" (first on line \(lines[0])); every lead needs its own id")
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
