import Foundation

/// A file read into typed columns, before it joins the store.
struct ParsedTable {
    var table: Table
    var map: HeaderMap
    /// Names of the columns that were `Call Type`-like and are still to be decided.
    var undecided: [String]
    /// Columns whose dates showed by themselves that they are day first.
    var dateNotes: [String] = []
    /// How many values had no offset, and were read in the load's zone.
    var wallClockCount = 0
    /// Columns of ids left in the file (see `DeferredColumns`).
    var deferred: [String] = []
}

/// Reads one CSV file into typed columns.
///
/// The header is read first and mapped to fields. A large file is then cut
/// at line ends into a few parts per core and the parts are read in parallel;
/// a part only counts when the part before it ended cleanly at the cut (a
/// cut inside a quoted field makes that part fail), and any failure reads
/// the file again from the start in one pass, which finds the real error and
/// its exact line. Core fields get their fixed types; every other column is
/// collected as dictionary-encoded text and then typed by its distinct values
/// (see `ColumnInference`). No `String` is made per field.
enum CSVTableReader {
    /// Files smaller than this are read in one part.
    static let minimumPartSize = 4 << 20
    /// Parts per core: a core that finishes its part early takes the next
    /// one instead of waiting for the slowest.
    static let partsPerCore = 4

    /// `leadIDs`, for touches: the leads' ids, which the touches' `lead_id` shares.
    /// `dateOrder`: how dates of three numbers are written (`--date-format`), nil to find out per column.
    static func read(
        _ file: FileBytes, role: TableRole, options: FileOptions, shared: FileOptions = FileOptions(),
        progress: LoadProgress?, leadIDs: TextDictionary? = nil, dateOrder: DateOrder? = nil, zone: ZoneRules = .utc,
        defersIDs: Bool = false, keeping: String? = nil
    ) throws(LoadError) -> ParsedTable {
        try file.reading { (bytes) throws(LoadError) -> ParsedTable in
            try read(bytes, name: file.name, role: role, options: options, shared: shared, progress: progress,
                     release: file.release, leadIDs: leadIDs, dateOrder: dateOrder, zone: zone, defersIDs: defersIDs, keeping: keeping)
        }
    }

    private static func read(
        _ bytes: UnsafeRawBufferPointer, name: String, role: TableRole, options: FileOptions, shared: FileOptions,
        progress: LoadProgress?,
        release: @escaping @Sendable (Range<Int>) -> Void, leadIDs: TextDictionary?, dateOrder: DateOrder?, zone: ZoneRules,
        defersIDs: Bool, keeping: String?
    ) throws(LoadError) -> ParsedTable {
        var scanner = CSVScanner(bytes: bytes, file: name)
        let map = try headerMap(&scanner, name: name, role: role, options: options, shared: shared)
        // Ids are left in a file large enough for the time saved to count.
        let deferring = defersIDs && bytes.count >= 2 * minimumPartSize ? idColumns(scanner, map: map) : []
        let layout = CSVPartReader.Layout(map: map, role: role, file: name, leadIDs: leadIDs, dateOrder: dateOrder, zone: zone,
                                          deferring: deferring, keeping: keeping)
        let body = scanner.position..<bytes.count

        let parts = cut(bytes, body)
        var arrays = ColumnArrays(textCount: 0, timeCount: 0, rows: 0)
        var starts: [Int] = []
        var read: [CSVPartReader.Columns]?
        if parts.count > 1 {
            // Room for the rows each part is reckoned to hold; a part with
            // more (or whose lines end in lone carriage returns) fails, and
            // the file is read again.
            let file = SharedBytes(bytes: bytes)
            let capacities = ParallelResults<Int>.map(parts.count) { index in
                estimatedRows(in: UnsafeRawBufferPointer(rebasing: file.bytes[parts[index]]))
            }.map { $0! }
            starts = capacities.indices.map { capacities[..<$0].reduce(0, +) }
            arrays = ColumnArrays(textCount: layout.textCount, timeCount: layout.timeCount, rows: capacities.reduce(0, +))
            read = arrays.withWindows { windows in
                readInParallel(bytes, parts: parts, layout: layout, windows: windows, starts: starts, capacities: capacities,
                               progress: progress, release: release)
            }
        }
        if read == nil {
            let whole = UnsafeRawBufferPointer(rebasing: bytes[body])
            let capacity = count(of: 0x0A, in: whole) + count(of: 0x0D, in: whole) + 1
            arrays = ColumnArrays(textCount: layout.textCount, timeCount: layout.timeCount, rows: capacity)
            starts = [0]
            read = [try arrays.withWindows { (windows) throws(LoadError) in
                try CSVPartReader.read(
                    whole, line: scanner.line, layout: layout, into: windows, start: 0, capacity: capacity, progress: progress,
                    release: { release($0.lowerBound + body.lowerBound..<$0.upperBound + body.lowerBound) })
            }]
        }
        var columns = read!
        // The only holder of the parts, so that their values go as `finish` copies them.
        read = nil
        return try parsed(&arrays, parts: &columns, starts: starts, layout: layout)
    }

    /// The header row `scanner` starts at, read as `role` with the options; the scanner is left after it.
    static func headerMap(
        _ scanner: inout CSVScanner, name: String, role: TableRole, options: FileOptions, shared: FileOptions
    ) throws(LoadError) -> HeaderMap {
        var fields: [CSVField] = []
        guard try scanner.nextRecord(into: &fields) else { throw LoadError(file: name, line: 1, message: LoadMessages.emptyFile) }
        let headers = fields.map { scanner.string(of: $0).trimmingCharacters(in: .whitespaces) }
        return try HeaderMap(headers: headers, role: role, options: options, shared: shared, file: name)
    }

    /// Room for the records of one part of a file: its line feeds counted in
    /// a few stretches spread over it, reckoned for the whole part, with a
    /// margin. Not counted in full: that pass would bring every page of the
    /// file into memory at once, before the parts are read and let go of it.
    static func estimatedRows(in part: UnsafeRawBufferPointer) -> Int {
        let stretch = 64 << 10, stretches = 4
        guard part.count > stretch * stretches * 4 else { return count(of: 0x0A, in: part) + 1 }
        var lines = 0
        for index in 0..<stretches {
            let start = (part.count - stretch) / (stretches - 1) * index
            lines += count(of: 0x0A, in: UnsafeRawBufferPointer(rebasing: part[start..<start + stretch]))
        }
        // Lines too long to reckon from a few stretches: counted in full.
        guard lines >= 256 else { return count(of: 0x0A, in: part) + 1 }
        return Int(Double(part.count) * Double(lines) / Double(stretch * stretches) * 1.25) + 1024
    }

    /// How many times `byte` occurs in `bytes`.
    private static func count(of byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var found = 0
        var position = 0
        while position < bytes.count, let hit = memchr(base + position, Int32(byte), bytes.count - position) {
            found += 1
            position = base.distance(to: UnsafeRawPointer(hit)) + 1
        }
        return found
    }

    /// Cuts the body of a file into parts at line ends, `partsPerCore` per core.
    private static func cut(_ bytes: UnsafeRawBufferPointer, _ body: Range<Int>) -> [Range<Int>] {
        let cores = min(8, ProcessInfo.processInfo.activeProcessorCount)
        let count = min(cores * partsPerCore, body.count / minimumPartSize)
        guard count > 1, let base = bytes.baseAddress else { return [body] }
        var parts: [Range<Int>] = []
        var start = body.lowerBound
        for index in 1..<count {
            let nominal = body.lowerBound + body.count / count * index
            guard nominal > start, let found = memchr(base + nominal, 0x0A, body.upperBound - nominal) else { continue }
            let cut = base.distance(to: UnsafeRawPointer(found)) + 1
            parts.append(start..<cut)
            start = cut
        }
        parts.append(start..<body.upperBound)
        return parts
    }

    /// Reads the parts at once, part `i` into rows from `starts[i]`; nil when any part fails.
    private static func readInParallel(
        _ bytes: UnsafeRawBufferPointer, parts: [Range<Int>], layout: CSVPartReader.Layout, windows: ColumnArrays.Windows,
        starts: [Int], capacities: [Int], progress: LoadProgress?, release: @escaping @Sendable (Range<Int>) -> Void
    ) -> [CSVPartReader.Columns]? {
        let file = SharedBytes(bytes: bytes)
        let shared = progress.map { PartsProgress(parts: parts, report: $0) }
        let read = ParallelResults<CSVPartReader.Columns>.map(parts.count) { index in
            let part = UnsafeRawBufferPointer(rebasing: file.bytes[parts[index]])
            let offset = parts[index].lowerBound
            return try? CSVPartReader.read(
                part, line: 0, layout: layout, into: windows, start: starts[index], capacity: capacities[index],
                progress: shared?.reporter(forPart: index),
                release: { release($0.lowerBound + offset..<$0.upperBound + offset) })
        }
        guard read.allSatisfy({ $0 != nil }) else { return nil }
        return read.map { $0! }
    }

    /// The typed table from the columns read.
    static func table(
        from columns: (texts: [TextColumn], times: [[Int64]]), rows: Int, layout: CSVPartReader.Layout, notes: inout [String]
    ) -> Table {
        var table = Table(rowCount: rows)
        for (index, entry) in layout.map.entries.enumerated() {
            switch layout.plans[index] {
            case .skip:
                continue
            case .deferred(let builder):
                table.append(Column(name: entry.name, origin: entry.header, data: .text(columns.texts[builder])))
            case .timestamp(let builder, _):
                table.append(Column(name: entry.name, origin: entry.header, data: .timestamp(columns.times[builder])))
            case .text(let builder, _):
                let text = columns.texts[builder]
                var data = ColumnData.text(text)
                if entry.core == nil && !entry.channelOrDirection {
                    let typed = ColumnInference.typed(text, order: layout.dateOrder)
                    data = typed.data
                    if let example = typed.dayFirstExample { notes.append(dayFirstNote(entry.name, example: example)) }
                }
                table.append(Column(name: entry.name, origin: entry.header, data: data))
            }
        }
        for constant in layout.map.constants {
            let dictionary = TextDictionary([constant.value])
            let codes = [UInt32](repeating: 0, count: rows)
            table.append(Column(name: constant.name, origin: "--const \(constant.name)=\(constant.value)",
                                data: .text(TextColumn(codes: codes, dictionary: dictionary))))
        }
        return table
    }
}

/// The bytes of a file, shared read-only by the threads reading its parts.
private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}

/// The progress of parts read at once, reported as one fraction of all their
/// bytes; once the report says stop, every part is told to stop.
private final class PartsProgress: @unchecked Sendable {
    private let sizes: [Double]
    private let total: Double
    private let report: LoadProgress
    private let lock = NSLock()
    private var done: [Double]
    private var stopped = false

    init(parts: [Range<Int>], report: @escaping LoadProgress) {
        sizes = parts.map { Double($0.count) }
        total = max(1, sizes.reduce(0, +))
        done = Array(repeating: 0, count: parts.count)
        self.report = report
    }

    /// What part `part` reports its own fraction done to.
    func reporter(forPart part: Int) -> LoadProgress {
        { fraction in self.update(part: part, fraction: fraction) }
    }

    /// Part `part` is `fraction` done; false when the load is to stop.
    private func update(part: Int, fraction: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return false }
        done[part] = sizes[part] * fraction
        stopped = !report(done.reduce(0, +) / total)
        return !stopped
    }
}

/// Asked now and then while a file loads with the fraction done; returning
/// false stops the load.
public typealias LoadProgress = @Sendable (Double) -> Bool
