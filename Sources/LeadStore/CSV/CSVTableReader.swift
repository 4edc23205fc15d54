import Foundation

/// A file read into typed columns, before it joins the store.
struct ParsedTable {
    var table: Table
    var map: HeaderMap
    /// Names of the columns that were `Call Type`-like and are still to be decided.
    var undecided: [String]
}

/// Reads one CSV file into typed columns.
///
/// The header is read first and mapped to fields. A large file is then cut
/// at line ends into one part per core and the parts are read in parallel;
/// a part only counts when the part before it ended cleanly at the cut (a
/// cut inside a quoted field makes that part fail), and any failure reads
/// the file again from the start in one pass, which finds the real error and
/// its exact line. Core fields get their fixed types; every other column is
/// collected as dictionary-encoded text and then typed by its distinct values
/// (see `ColumnInference`). No `String` is made per field.
enum CSVTableReader {
    /// Files smaller than this are read in one part.
    static let minimumPartSize = 4 << 20

    /// `leadIDs`, for touches: the leads' ids, which the touches' `lead_id` shares.
    static func read(
        _ file: FileBytes, role: TableRole, mappings: [FieldMapping], progress: LoadProgress?, leadIDs: TextDictionary? = nil
    ) throws(LoadError) -> ParsedTable {
        do {
            return try file.withUnsafeBytes { (bytes) throws(LoadError) -> ParsedTable in
                try read(bytes, name: file.name, role: role, mappings: mappings, progress: progress, release: file.release, leadIDs: leadIDs)
            }
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError(file: file.name, message: "\(error)")
        }
    }

    private static func read(
        _ bytes: UnsafeRawBufferPointer, name: String, role: TableRole, mappings: [FieldMapping], progress: LoadProgress?,
        release: @escaping @Sendable (Range<Int>) -> Void, leadIDs: TextDictionary?
    ) throws(LoadError) -> ParsedTable {
        var scanner = CSVScanner(bytes: bytes, file: name)
        var fields: [CSVField] = []
        guard try scanner.nextRecord(into: &fields) else {
            throw LoadError(file: name, line: 1, message: "the file is empty: it needs a header row naming its columns")
        }
        let headers = fields.map { scanner.string(of: $0).trimmingCharacters(in: .whitespaces) }
        let map = try HeaderMap(headers: headers, role: role, overrides: mappings, file: name)
        let layout = CSVPartReader.Layout(map: map, role: role, file: name, leadIDs: leadIDs)
        let body = scanner.position..<bytes.count

        let parts = cut(bytes, body)
        var columns: [CSVPartReader.Columns]
        if parts.count > 1, let parallel = readInParallel(bytes, parts: parts, layout: layout, progress: progress, release: release) {
            columns = parallel
        } else {
            columns = [try CSVPartReader.read(
                UnsafeRawBufferPointer(rebasing: bytes[body]), line: scanner.line, layout: layout, progress: progress,
                release: { release($0.lowerBound + body.lowerBound..<$0.upperBound + body.lowerBound) })]
        }
        let merged = CSVPartReader.Merged(columns)
        return ParsedTable(table: table(from: merged, layout: layout), map: map, undecided: layout.undecided)
    }

    /// Cuts the body of a file into parts at line ends, one per core.
    private static func cut(_ bytes: UnsafeRawBufferPointer, _ body: Range<Int>) -> [Range<Int>] {
        let cores = min(8, ProcessInfo.processInfo.activeProcessorCount)
        let count = min(cores, body.count / minimumPartSize)
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

    /// Reads the parts at once; nil when any part fails.
    private static func readInParallel(
        _ bytes: UnsafeRawBufferPointer, parts: [Range<Int>], layout: CSVPartReader.Layout, progress: LoadProgress?,
        release: @escaping @Sendable (Range<Int>) -> Void
    ) -> [CSVPartReader.Columns]? {
        let file = SharedBytes(bytes: bytes)
        let read = ParallelResults<CSVPartReader.Columns>.map(parts.count) { index in
            let part = UnsafeRawBufferPointer(rebasing: file.bytes[parts[index]])
            let offset = parts[index].lowerBound
            return try? CSVPartReader.read(
                part, line: 0, layout: layout, progress: index == 0 ? progress : nil,
                release: { release($0.lowerBound + offset..<$0.upperBound + offset) })
        }
        guard read.allSatisfy({ $0 != nil }) else {
            for part in read { part?.free() }
            return nil
        }
        return read.map { $0! }
    }

    /// The typed table from the columns read.
    private static func table(from columns: CSVPartReader.Merged, layout: CSVPartReader.Layout) -> Table {
        var table = Table(rowCount: columns.rows)
        for (index, entry) in layout.map.entries.enumerated() {
            switch layout.plans[index] {
            case .timestamp(let builder, _):
                table.append(Column(name: entry.name, origin: entry.header, data: .timestamp(columns.times[builder])))
            case .text(let builder, _):
                let text = columns.texts[builder]
                let data = entry.core != nil || entry.channelOrDirection ? .text(text) : ColumnInference.typed(text)
                table.append(Column(name: entry.name, origin: entry.header, data: data))
            }
        }
        for constant in layout.map.constants {
            let dictionary = TextDictionary([constant.value])
            let codes = [UInt32](repeating: 0, count: columns.rows)
            table.append(Column(name: constant.name, origin: "--map \(constant.name)=\(constant.value)",
                                data: .text(TextColumn(codes: codes, dictionary: dictionary))))
        }
        return table
    }
}

/// The bytes of a file, shared read-only by the threads reading its parts.
private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}

/// Asked now and then while a file loads with the fraction done; returning
/// false stops the load.
public typealias LoadProgress = @Sendable (Double) -> Bool
