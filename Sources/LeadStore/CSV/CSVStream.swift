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

    /// Reads the header row in `header` for a table read as `request.role`,
    /// taking the `shared` options; timestamps without an offset are read in `zone`.
    public init(header: UnsafeRawBufferPointer, name: String, request: TableRequest, shared: FileOptions, zone: ZoneRules) throws(LoadError) {
        var scanner = CSVScanner(bytes: header, file: name)
        var fields: [CSVField] = []
        guard try scanner.nextRecord(into: &fields) else {
            throw LoadError(file: name, line: 1, message: "the file is empty: it needs a header row naming its columns")
        }
        let headers = fields.map { scanner.string(of: $0).trimmingCharacters(in: .whitespaces) }
        self.name = name
        self.zone = zone
        map = try HeaderMap(headers: headers, role: request.role, options: FileOptions(), shared: shared, file: name)
        let dateOrder = try DataSource.dateOrder(format: shared.dateFormat, file: name)
        layout = CSVPartReader.Layout(map: map, role: request.role, file: name, leadIDs: request.leadIDs, dateOrder: dateOrder, zone: zone)
    }

    /// Reads `rows` whole records in `bytes`, the first starting on `line`
    /// of the whole text. The bytes are not used once this returns.
    public func read(_ bytes: UnsafeRawBufferPointer, line: Int, rows: Int) throws(LoadError) {
        let capacity = max(rows, 1)
        var arrays = ColumnArrays(textCount: layout.textCount, timeCount: layout.timeCount, rows: capacity)
        let layout = self.layout
        let columns = try arrays.withWindows { (windows) throws(LoadError) in
            try CSVPartReader.read(bytes, line: line, layout: layout, into: windows, start: 0, capacity: capacity, progress: nil)
        }
        runs.append((arrays, columns))
    }

    /// The table of every run read, `bytes` being the size of the whole text.
    public func finish(bytes: Int) throws(LoadError) -> TableRead {
        if runs.isEmpty { try read(UnsafeRawBufferPointer(start: nil, count: 0), line: 2, rows: 0) }
        var (arrays, starts, parts) = joinedRuns()
        var finished = arrays.finish(&parts, starts: starts)
        var notes = try CSVTableReader.settleDateOrders(&finished.times, parts: parts, layout: layout)
        let rows = parts.reduce(0) { $0 + $1.rows }
        let table = CSVTableReader.table(from: finished, rows: rows, layout: layout, notes: &notes)
        let wallClock = parts.reduce(0) { $0 + $1.times.reduce(0) { $0 + $1.wallClockCount } }
        let constants = map.constants.map { LoadMessages.constantNote(file: name, field: $0.name, value: $0.value) }
        return TableRead(
            table: table, bytes: bytes, headers: map.entries.map(\.header),
            sharedTaken: SharedOptionsTaken(mappings: map.sharedUse.mappings, constants: map.sharedUse.constants),
            undecided: layout.undecided, notes: notes.map { "\(name): \($0)" } + constants, wallClockCount: wallClock, zone: zone)
    }

    /// The runs' rows in one set of arrays, one run after another (a single
    /// run's arrays are taken as they are); each run's own arrays are let go
    /// of as soon as they are copied.
    private func joinedRuns() -> (ColumnArrays, starts: [Int], parts: [CSVPartReader.Columns]) {
        let parts = runs.map(\.columns)
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
        joined.withWindows { target in
            var next = 0
            for index in runs.indices {
                let count = parts[index].rows
                runs[index].arrays.withWindows { source in
                    for column in target.texts.indices { (target.texts[column] + next).update(from: source.texts[column], count: count) }
                    for column in target.times.indices { (target.times[column] + next).update(from: source.times[column], count: count) }
                }
                runs[index].arrays = ColumnArrays(textCount: 0, timeCount: 0, rows: 0)
                starts.append(next)
                next += count
            }
        }
        return (joined, starts, parts)
    }
}
