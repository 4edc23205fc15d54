import Foundation

/// A CSV table that arrives in pieces, as a database's `COPY … TO STDOUT`
/// sends it: the header row first, then runs of whole records. Each run is
/// read into columns of its own as soon as it comes (so reading overlaps the
/// arrival of the rest), and `finish` joins the runs as the parts of a file
/// are joined: the same fields, types, dictionaries and notes as reading the
/// whole text at once. Used by one thread at a time.
public final class CSVStream: @unchecked Sendable {
    private let name: String
    private let map: HeaderMap
    private let layout: CSVPartReader.Layout
    private let zone: ZoneRules
    /// Each run read so far: the arrays its rows were written into, and its columns.
    private var runs: [(arrays: ColumnArrays, columns: CSVPartReader.Columns)] = []

    /// The stream of a table read as `request.role` whose header row is
    /// `header`, taking the `shared` options; timestamps without an offset
    /// are read in `zone`.
    public static func starting(
        header: UnsafeRawBufferPointer, name: String, request: TableRequest, shared: FileOptions, zone: ZoneRules
    ) throws(LoadError) -> CSVStream {
        var scanner = CSVScanner(bytes: header, file: name)
        let map = try CSVTableReader.headerMap(&scanner, name: name, role: request.role, options: FileOptions(), shared: shared)
        let dateOrder = try DataSource(file: FileBytes(name: name, bytes: []), shared: shared).dateOrder()
        let layout = CSVPartReader.Layout(map: map, role: request.role, file: name, leadIDs: request.leadIDs, dateOrder: dateOrder, zone: zone)
        return CSVStream(name: name, map: map, layout: layout, zone: zone)
    }

    private init(name: String, map: HeaderMap, layout: CSVPartReader.Layout, zone: ZoneRules) {
        self.name = name
        self.map = map
        self.layout = layout
        self.zone = zone
    }

    /// Reads `rows` whole records in `bytes`, the first starting on `line`
    /// of the whole text. The bytes are not used once this returns.
    public func read(_ bytes: UnsafeRawBufferPointer, line: Int, rows: Int) throws(LoadError) {
        let capacity = max(rows, 1)
        var arrays = ColumnArrays(textCount: layout.textCount, timeCount: layout.timeCount, rows: capacity)
        let layout = self.layout
        var failure: LoadError?
        let columns = arrays.withWindows { windows -> CSVPartReader.Columns? in
            do throws(LoadError) {
                return try CSVPartReader.read(bytes, line: line, layout: layout, into: windows, start: 0, capacity: capacity, progress: nil)
            } catch {
                failure = error
                return nil
            }
        }
        guard let columns else { throw failure! }
        runs.append((arrays, columns))
    }

    /// The table of every run read, `bytes` being the size of the whole text.
    public func finish(bytes: Int) throws(LoadError) -> TableRead {
        // No rows: one empty run.
        if runs.isEmpty { try read(UnsafeRawBufferPointer(start: nil, count: 0), line: 2, rows: 0) }
        var (arrays, starts, parts) = joinedRuns()
        let parsed = try CSVTableReader.parsed(&arrays, parts: &parts, starts: starts, layout: layout)
        let constants = map.constants.map { LoadMessages.constantNote(file: name, field: $0.name, value: $0.value) }
        return TableRead(
            table: parsed.table, bytes: bytes, headers: map.entries.map(\.header),
            sharedTaken: SharedOptionsTaken(mappings: map.sharedUse.mappings, constants: map.sharedUse.constants),
            undecided: layout.undecided, notes: parsed.dateNotes.map { "\(name): \($0)" } + constants,
            wallClockCount: parsed.wallClockCount, zone: zone)
    }

    /// The runs' rows in one set of arrays, one run after another (a single
    /// run's arrays are taken as they are); each run's own arrays are let go
    /// of as soon as they are copied.
    private func joinedRuns() -> (ColumnArrays, starts: [Int], parts: [CSVPartReader.Columns]) {
        var parts = runs.map(\.columns)
        if runs.count == 1 {
            let only = runs[0].arrays
            runs = []
            return (only, [0], parts)
        }
        let total = parts.reduce(0) { $0 + $1.rows }
        var joined = ColumnArrays(textCount: layout.textCount, timeCount: layout.timeCount, rows: max(total, 1))
        var starts: [Int] = []
        var runs = self.runs
        self.runs = []
        var next = 0
        for index in runs.indices {
            // Each builder's slice is its run's window of the column, as
            // narrow as the run wrote it: widened, copied, then pointed at its copy.
            for column in parts[index].texts.indices { parts[index].texts[column].codes.widenToWords() }
            let targets = joined.copyRows(texts: parts[index].texts.map { UnsafePointer($0.codes.base.assumingMemoryBound(to: UInt32.self)) },
                                          times: parts[index].times.map { UnsafePointer($0.values.base) }, to: next, count: parts[index].rows)
            for column in parts[index].texts.indices {
                parts[index].texts[column].codes = parts[index].texts[column].codes.movedWide(to: targets[column])
            }
            runs[index].arrays = ColumnArrays(textCount: 0, timeCount: 0, rows: 0)
            starts.append(next)
            next += parts[index].rows
        }
        return (joined, starts, parts)
    }
}

extension CSVTableReader {
    /// The table of parts read into `arrays`, part `i` from row `starts[i]`, as `read` finishes a file.
    static func parsed(
        _ arrays: inout ColumnArrays, parts: inout [CSVPartReader.Columns], starts: [Int], layout: CSVPartReader.Layout
    ) throws(LoadError) -> ParsedTable {
        var finished = arrays.finish(&parts, starts: starts)
        var notes = try settleDateOrders(&finished.times, parts: parts, layout: layout)
        let rows = parts.reduce(0) { $0 + $1.rows }
        let table = table(from: finished, rows: rows, layout: layout, notes: &notes)
        let wallClock = parts.reduce(0) { $0 + $1.times.reduce(0) { $0 + $1.wallClockCount } }
        let deferred = layout.map.entries.indices.filter {
            if case .deferred = layout.plans[$0] { return true }
            return false
        }.map { layout.map.entries[$0].name }
        return ParsedTable(table: table, map: layout.map, undecided: layout.undecided, dateNotes: notes, wallClockCount: wallClock,
                           deferred: deferred)
    }
}
