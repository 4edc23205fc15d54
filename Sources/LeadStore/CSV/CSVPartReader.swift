/// Reads the records of one part of a CSV file into column builders.
enum CSVPartReader {
    /// How the reader treats one CSV column.
    enum Plan: Sendable {
        case text(Int, required: Bool)
        case timestamp(Int, required: Bool)
    }

    /// What every part of a file shares: the columns and how to read each.
    struct Layout: Sendable {
        let map: HeaderMap
        let plans: [Plan]
        let textCount: Int
        let timeCount: Int
        let file: String
        /// For each text builder, the dictionary it looks values up in first.
        let bases: [TextDictionary?]
        /// The text builder of the leads' ids, whose values are all different.
        let uniqueText: Int?

        init(map: HeaderMap, role: TableRole, file: String, leadIDs: TextDictionary? = nil) {
            self.map = map
            self.file = file
            var texts = 0, times = 0
            var bases: [TextDictionary?] = []
            var unique: Int?
            plans = map.entries.map { entry in
                if let core = entry.core, core.kind == .timestamp {
                    times += 1
                    return .timestamp(times - 1, required: core.required)
                }
                texts += 1
                bases.append(role == .touches && entry.core?.name == "lead_id" ? leadIDs : nil)
                if role == .leads && entry.core?.name == "lead_id" { unique = texts - 1 }
                // Touches may lack a lead id (a call logged against no lead): counted, not refused.
                return .text(texts - 1, required: role == .leads && entry.core?.name == "lead_id")
            }
            textCount = texts
            timeCount = times
            self.bases = bases
            uniqueText = unique
        }

        var undecided: [String] { map.entries.filter(\.channelOrDirection).map(\.name) }
    }

    /// The columns of a part, as built.
    struct Columns: Sendable {
        var texts: [TextColumnBuilder]
        var times: [TimestampColumnBuilder]
        var rows = 0

        /// The parts' columns one after another.
        static func merged(_ parts: [Columns]) -> Columns {
            var result = parts[0]
            for part in parts.dropFirst() {
                for index in result.texts.indices { result.texts[index].append(contentsOf: part.texts[index]) }
                for index in result.times.indices { result.times[index].values += part.times[index].values }
                result.rows += part.rows
            }
            return result
        }
    }

    /// Reads every record of `bytes`, which start at a record on `line`.
    /// Every 16 MB read, the bytes behind (less a margin, since text values
    /// read last are compared again) are handed to `release`.
    static func read(
        _ bytes: UnsafeRawBufferPointer, line: Int, layout: Layout, progress: LoadProgress?,
        release: (Range<Int>) -> Void = { _ in }
    ) throws(LoadError) -> Columns {
        var released = 0
        let width = layout.plans.count
        let estimatedRows = max(16, bytes.count / max(1, 8 * width))
        var columns = Columns(
            texts: layout.bases.indices.map {
                TextColumnBuilder(capacity: estimatedRows, base: layout.bases[$0], unique: layout.uniqueText == $0)
            },
            times: Array(repeating: TimestampColumnBuilder(capacity: estimatedRows), count: layout.timeCount))
        var scanner = CSVScanner(part: bytes, file: layout.file, line: line)
        var fields: [CSVField] = []
        var scratch: [UInt8] = []
        let names = layout.map.entries.map(\.name)
        while try scanner.nextRecord(into: &fields) {
            guard fields.count == width else {
                let column = fields.count < width ? fields.count + 1 : width + 1
                throw LoadError(
                    file: layout.file, line: scanner.recordLine, column: column,
                    message: "this row has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(width)")
            }
            for index in 0..<width {
                let field = fields[index]
                switch layout.plans[index] {
                case .text(let builder, let required):
                    if required && field.isEmpty {
                        throw LoadError(
                            file: layout.file, line: scanner.recordLine, column: index + 1,
                            message: "\(names[index]) is empty; every row needs one")
                    }
                    scanner.withValue(of: field, scratch: &scratch) {
                        columns.texts[builder].append($0, quoted: field.quoted, stable: !field.hasEscapedQuotes)
                    }
                case .timestamp(let builder, let required):
                    let failure = scanner.withValue(of: field, scratch: &scratch) { columns.times[builder].append($0) }
                    if let failure {
                        throw timestampError(failure, value: scanner.string(of: field), name: names[index],
                                             line: scanner.recordLine, column: index + 1, file: layout.file)
                    }
                    if required, columns.times[builder].values.last == Null.timestamp {
                        throw LoadError(
                            file: layout.file, line: scanner.recordLine, column: index + 1,
                            message: "\(names[index]) is empty; every row needs one")
                    }
                }
            }
            columns.rows += 1
            if columns.rows & 0xFFFF == 0 {
                if let progress, !progress(scanner.progress) { throw LoadError(file: layout.file, message: "interrupted") }
                let done = scanner.position - (1 << 20)
                if done - released >= 16 << 20 {
                    release(released..<done)
                    released = done
                }
            }
        }
        return columns
    }

    private static func timestampError(
        _ failure: TimestampParser.Outcome, value: String, name: String, line: Int, column: Int, file: String
    ) -> LoadError {
        let shown = value.count > 60 ? String(value.prefix(60)) + "…" : value
        let reason: String
        if case .invalid(let why) = failure {
            reason = "\(name) \"\(shown)\" is not a valid date: \(why)"
        } else {
            reason = "\(name) \"\(shown)\" is not a date and time leadq can read (it reads ISO 8601 such as 2026-03-04T09:15:00Z, 3/4/2026 9:15 AM, 4 Mar, 2026 09:15:00, and epoch milliseconds)"
        }
        return LoadError(file: file, line: line, column: column, message: reason)
    }
}
