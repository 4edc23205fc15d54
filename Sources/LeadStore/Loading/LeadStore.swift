import Foundation

/// The loaded data: leads with their derived fields, and their touches
/// indexed by lead. The one thing every query runs over.
public struct LeadStore: Sendable {
    /// Leads, one row each, with the derived fields of SPEC §2 as columns.
    public private(set) var leads: Table
    /// Touches, in order by lead and then time; touches of no known lead come last.
    public internal(set) var touches: Table
    /// Which touches belong to which lead, and which are follow-ups.
    public private(set) var followUps: FollowUpIndex
    /// What the last load read and found.
    public private(set) var summary: LoadSummary
    /// The smallest and largest value of each timestamp, duration and count
    /// column (leads, then touches), for sizing group tables.
    public private(set) var leadExtents: [String: ClosedRange<Int64>] = [:]
    public private(set) var touchExtents: [String: ClosedRange<Int64>] = [:]

    /// Direction values declared with `--inbound` and `--outbound`, normalized, with whether each means outbound.
    public private(set) var directionWords: [String: Bool] = [:]
    /// Touch columns of ids still in their file (see `DeferredColumns`).
    public internal(set) var deferred: DeferredColumns?

    /// Loads leads and any number of touch tables (calls, emails and meetings
    /// often come as separate exports); their rows are stacked.
    public init(leads: any TableReader, touches: [any TableReader], progress: LoadProgress? = nil) throws(LoadError) {
        try self.init(DataSet(leads: leads, touches: touches), progress: progress)
    }

    /// Loads a data set: leads or a status log, touch tables stacked, then
    /// deals, each through its reader.
    public init(_ set: DataSet, progress: LoadProgress? = nil) throws(LoadError) {
        let clock = ContinuousClock.now
        var reading = Reading()
        var leadTable: Table
        var touchTables: [Table] = []
        if let events = set.events {
            let log = try Self.readEvents(events, statuses: set.statuses, reading: &reading, progress: progress)
            leadTable = log.leads
            touchTables.append(log.touches)
        } else if let leads = set.leads {
            leadTable = try Self.readLeads(leads, reading: &reading, progress: progress)
        } else {
            throw LoadError(file: "leadq", message: LoadMessages.noLeads)
        }
        // Ids are left in the file only when one file holds all the touches (a status log makes touches too).
        let defersIDs = set.touches.count == 1 && set.events == nil
        var deferred: DeferredColumns?
        for source in set.touches {
            touchTables.append(try Self.readTouches(
                source, reading: &reading, progress: progress, leadIDs: leadTable.text("lead_id")?.dictionary,
                defersIDs: defersIDs, deferred: &deferred))
        }
        self.deferred = deferred
        for source in set.conversions {
            try Self.readConversions(source, into: &leadTable, reading: &reading, progress: progress)
        }
        try reading.checkShared(set.readers.first?.shared ?? FileOptions())
        var touchTable = touchTables.dropFirst().reduce(touchTables.first ?? Self.emptyTouches) { $0.concatenated(with: $1) }
        // Built on the only copies of the tables, so that touches are reordered in place
        // and each column's old rows are let go as it is gathered.
        touchTables = []
        self.followUps = FollowUpIndex.build(leads: &leadTable, touches: &touchTable, directionWords: reading.directionWords)
        self.leads = leadTable
        self.touches = touchTable
        self.directionWords = reading.directionWords
        var summary = reading.summary
        summary.seconds = Self.seconds(since: clock)
        self.summary = summary
        finishSummary()
    }

    /// Adds the touches of another source to those loaded.
    public mutating func addTouches(_ source: any TableReader, progress: LoadProgress? = nil) throws(LoadError) {
        let clock = ContinuousClock.now
        // The touches loaded join the new ones: their columns need their values.
        try loadDeferred(progress: progress)
        var reading = Reading(directionWords: directionWords)
        var deferred: DeferredColumns?
        let added = try Self.readTouches(source, reading: &reading, progress: progress, leadIDs: leads.text("lead_id")?.dictionary,
                                         defersIDs: false, deferred: &deferred)
        touches = touches.concatenated(with: added)
        directionWords = reading.directionWords
        rederive(summary: reading.summary, since: clock)
    }

    /// Replaces the leads, keeping the touches loaded (generated touches go with the generated leads).
    public mutating func replaceLeads(_ source: any TableReader, progress: LoadProgress? = nil) throws(LoadError) {
        let clock = ContinuousClock.now
        var reading = Reading(directionWords: directionWords)
        leads = try Self.readLeads(source, reading: &reading, progress: progress)
        // Touches generated in memory (the demo's) belong to the leads they were made for.
        if self.summary.files.contains(where: { $0.role == .touches && $0.generated }) {
            touches = Self.emptyTouches
            self.summary.files.removeAll { $0.role == .touches }
            self.summary.decisions.removeAll()
            reading.summary.decisions.append("the generated touches belong to the generated leads, so they were dropped; .load touches FILE adds touches")
        }
        rederive(summary: reading.summary, since: clock)
    }

    private mutating func rederive(summary newSummary: LoadSummary, since clock: ContinuousClock.Instant) {
        leads = leads.removing(Set(FollowUpIndex.derivedFieldNames))
        followUps = FollowUpIndex.build(leads: &leads, touches: &touches, directionWords: directionWords)
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

    /// The same fields, types, origins and load decisions with no rows: what
    /// statements bind against when an engine holds the data.
    public func withoutRows() -> LeadStore {
        var store = self
        store.leads = leads.gathered([]).removing(Set(FollowUpIndex.derivedFieldNames))
        store.touches = touches.gathered([])
        for name in deferred?.names ?? [] {
            store.touches.append(Column(name: name, origin: touches[name]?.origin ?? name,
                                        data: .text(TextColumn(codes: [], dictionary: TextDictionary()))))
        }
        store.deferred = nil
        store.followUps = FollowUpIndex.build(leads: &store.leads, touches: &store.touches, directionWords: directionWords)
        store.finishSummary()
        return store
    }

    private mutating func finishSummary() {
        leadExtents = Self.extents(of: leads)
        touchExtents = Self.extents(of: touches)
        summary.leadCount = leads.rowCount
        summary.touchCount = touches.rowCount
        summary.touchCounts = followUps.counts
        summary.leadZoneWarnings = LeadZones(leads).warnings
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

    /// Whether any touch file (or status log) was loaded; with none, follow-up KPIs have nothing to measure.
    public var touchesLoaded: Bool { summary.hasTouchFiles }

    /// The summary as lines of plain text.
    public var summaryLines: [String] { summary.lines(leads: leads, touches: touches) }

    /// The summary without its timing, the same on every run.
    public var stableSummaryLines: [String] { summary.lines(leads: leads, touches: touches, timing: false) }

    static var emptyTouches: Table {
        Table(rowCount: 0, columns: [
            Column(name: "lead_id", origin: "lead_id", data: .text(TextColumn(codes: [], dictionary: TextDictionary()))),
            Column(name: "at", origin: "at", data: .timestamp([])),
        ])
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
