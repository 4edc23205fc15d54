import Foundation

/// A file read into typed columns, before it joins the store.
struct ParsedTable {
    var table: Table
    var map: HeaderMap
    /// Names of the columns that were `Call Type`-like and are still to be decided.
    var undecided: [String]
}

/// Reads one CSV file into typed columns in a single pass over its bytes.
///
/// Core fields get their fixed types; every other column is collected as
/// dictionary-encoded text and then typed by its distinct values (see
/// `ColumnInference`). No `String` is made per field.
enum CSVTableReader {
    /// How the reader treats one CSV column.
    private enum Plan {
        case text(Int, required: Bool)
        case timestamp(Int, required: Bool)
    }

    static func read(
        _ file: FileBytes, role: TableRole, mappings: [FieldMapping], progress: LoadProgress?
    ) throws(LoadError) -> ParsedTable {
        do {
            return try file.withUnsafeBytes { (bytes) throws(LoadError) -> ParsedTable in
                try read(bytes, name: file.name, role: role, mappings: mappings, progress: progress)
            }
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError(file: file.name, message: "\(error)")
        }
    }

    private static func read(
        _ bytes: UnsafeRawBufferPointer, name: String, role: TableRole, mappings: [FieldMapping], progress: LoadProgress?
    ) throws(LoadError) -> ParsedTable {
        var scanner = CSVScanner(bytes: bytes, file: name)
        var fields: [CSVField] = []
        guard try scanner.nextRecord(into: &fields) else {
            throw LoadError(file: name, line: 1, message: "the file is empty: it needs a header row naming its columns")
        }
        let headers = fields.map { scanner.string(of: $0).trimmingCharacters(in: .whitespaces) }
        let map = try HeaderMap(headers: headers, role: role, overrides: mappings, file: name)
        let estimatedRows = max(16, bytes.count / max(1, 8 * headers.count))

        var texts: [TextColumnBuilder] = []
        var times: [TimestampColumnBuilder] = []
        let plans: [Plan] = map.entries.map { entry in
            if let core = entry.core, core.kind == .timestamp {
                times.append(TimestampColumnBuilder(capacity: estimatedRows))
                return .timestamp(times.count - 1, required: core.required)
            }
            texts.append(TextColumnBuilder(capacity: estimatedRows))
            // Touches may lack a lead id (a call logged against no lead): counted, not refused.
            return .text(texts.count - 1, required: role == .leads && entry.core?.name == "lead_id")
        }

        var scratch: [UInt8] = []
        var rows = 0
        let width = headers.count
        while try scanner.nextRecord(into: &fields) {
            guard fields.count == width else {
                let column = fields.count < width ? fields.count + 1 : width + 1
                throw LoadError(
                    file: name, line: scanner.recordLine, column: column,
                    message: "this row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(width)")
            }
            for index in 0..<width {
                let field = fields[index]
                switch plans[index] {
                case .text(let builder, let required):
                    if required && field.isEmpty {
                        throw LoadError(
                            file: name, line: scanner.recordLine, column: index + 1,
                            message: "\(map.entries[index].name) is empty; every row needs one")
                    }
                    scanner.withValue(of: field, scratch: &scratch) { texts[builder].append($0, quoted: field.quoted, stable: !field.hasEscapedQuotes) }
                case .timestamp(let builder, let required):
                    let failure = scanner.withValue(of: field, scratch: &scratch) { times[builder].append($0) }
                    if let failure {
                        throw timestampError(failure, field: field, index: index, scanner: scanner, map: map)
                    }
                    if required, times[builder].values.last == Null.timestamp {
                        throw LoadError(
                            file: name, line: scanner.recordLine, column: index + 1,
                            message: "\(map.entries[index].name) is empty; every row needs one")
                    }
                }
            }
            rows += 1
            if rows & 0xFFFF == 0, let progress, !progress(scanner.progress) {
                throw LoadError(file: name, message: "interrupted")
            }
        }
        var table = Table(rowCount: rows)
        var undecided: [String] = []
        for (index, entry) in map.entries.enumerated() {
            let origin = entry.header
            switch plans[index] {
            case .timestamp(let builder, _):
                table.append(Column(name: entry.name, origin: origin, data: .timestamp(times[builder].values)))
            case .text(let builder, _):
                let text = texts[builder].column
                if entry.core != nil {
                    table.append(Column(name: entry.name, origin: origin, data: .text(text)))
                } else {
                    if entry.channelOrDirection { undecided.append(entry.name) }
                    let data = entry.channelOrDirection ? .text(text) : ColumnInference.typed(text)
                    table.append(Column(name: entry.name, origin: origin, data: data))
                }
            }
        }
        return ParsedTable(table: table, map: map, undecided: undecided)
    }

    private static func timestampError(
        _ failure: TimestampParser.Outcome, field: CSVField, index: Int, scanner: CSVScanner, map: HeaderMap
    ) -> LoadError {
        let value = scanner.string(of: field)
        let shown = value.count > 60 ? String(value.prefix(60)) + "…" : value
        let name = map.entries[index].name
        let reason: String
        if case .invalid(let why) = failure {
            reason = "\(name) \"\(shown)\" is not a valid date: \(why)"
        } else {
            reason = "\(name) \"\(shown)\" is not a date and time leadq can read (it reads ISO 8601 such as 2026-03-04T09:15:00Z, 3/4/2026 9:15 AM, 4 Mar, 2026 09:15:00, and epoch milliseconds)"
        }
        return LoadError(file: scanner.file, line: scanner.recordLine, column: index + 1, message: reason)
    }
}

/// Asked now and then while a file loads with the fraction done; returning
/// false stops the load.
public typealias LoadProgress = @Sendable (Double) -> Bool
