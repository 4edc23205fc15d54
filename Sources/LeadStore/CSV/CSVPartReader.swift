/// Reads the records of one part of a CSV file into column builders.
enum CSVPartReader {
    /// How the reader treats one CSV column.
    enum Plan: Sendable {
        case text(Int, required: Bool)
        case timestamp(Int, required: Bool)
        /// A text column left in the file: only whether each row has a value.
        case deferred(Int)
        /// A column not read at all (reading another column again).
        case skip
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
        /// For each text builder whose base holds only short values, those values by their bytes.
        let shortKeys: [ShortKeyTable?]
        /// The text builder of the leads' ids, whose values are all different.
        let uniqueText: Int?
        /// The order of dates of three numbers from `--date-format`; nil to find it per column.
        let dateOrder: DateOrder?
        /// The zone values without an offset are read in.
        let zone: ZoneRules

        /// The text builders of columns left in the file (see `DeferredColumns`).
        let deferredTexts: Set<Int>

        /// `deferring`: the columns to leave in the file. `keeping`: the one
        /// column to read, every other skipped (a column left in the file, read now).
        init(map: HeaderMap, role: TableRole, file: String, leadIDs: TextDictionary? = nil, dateOrder: DateOrder? = nil, zone: ZoneRules = .utc,
             deferring: Set<String> = [], keeping: String? = nil) {
            self.map = map
            self.file = file
            self.dateOrder = dateOrder
            self.zone = zone
            var texts = 0, times = 0
            var bases: [TextDictionary?] = []
            var unique: Int?
            var deferred: Set<Int> = []
            plans = map.entries.map { entry in
                if let keeping, entry.name != keeping { return .skip }
                if let core = entry.core, core.kind == .timestamp {
                    times += 1
                    return .timestamp(times - 1, required: core.required)
                }
                texts += 1
                bases.append(role == .touches && entry.core?.name == "lead_id" ? leadIDs : nil)
                if deferring.contains(entry.name) {
                    deferred.insert(texts - 1)
                    return .deferred(texts - 1)
                }
                if role == .leads && entry.core?.name == "lead_id" { unique = texts - 1 }
                // Touches may lack a lead id (a call logged against no lead): counted, not refused.
                return .text(texts - 1, required: role == .leads && entry.core?.name == "lead_id")
            }
            textCount = texts
            timeCount = times
            self.bases = bases
            shortKeys = bases.map { $0.flatMap(ShortKeyTable.init) }
            uniqueText = unique
            deferredTexts = deferred
        }

        var undecided: [String] { map.entries.filter(\.channelOrDirection).map(\.name) }
    }

    /// The columns of a part, as built.
    struct Columns: Sendable {
        var texts: [TextColumnBuilder]
        var times: [TimestampColumnBuilder]
        var rows = 0
    }

    /// Reads every record of `bytes`, which start at a record on `line`,
    /// into rows `start..<start + capacity` of the columns' arrays (room for
    /// the rows it is reckoned to hold). Every 16 MB read, the bytes behind
    /// (less a margin, since text values read last are compared again) are
    /// handed to `release`, and all of them once the part is read.
    static func read(
        _ bytes: UnsafeRawBufferPointer, line: Int, layout: Layout, into windows: ColumnArrays.Windows, start: Int,
        capacity: Int, progress: LoadProgress?, release: (Range<Int>) -> Void = { _ in }
    ) throws(LoadError) -> Columns {
        let slices = windows.slices(start: start, capacity: capacity)
        var columns = Columns(
            texts: layout.bases.indices.map {
                TextColumnBuilder(
                    codes: slices.texts[$0], base: layout.bases[$0], keys: layout.shortKeys[$0], unique: layout.uniqueText == $0,
                    deferred: layout.deferredTexts.contains($0))
            },
            times: slices.times.map { TimestampColumnBuilder(values: $0, order: layout.dateOrder, zone: layout.zone) })
        columns.rows = try readRecords(bytes, line: line, layout: layout, capacity: capacity, texts: &columns.texts,
                                       times: &columns.times, progress: progress, release: release)
        for index in columns.texts.indices { columns.texts[index].settlePending() }
        // Nothing reads the part's bytes now: its last pages go too, rather than stay until the whole file is read.
        release(0..<bytes.count)
        return columns
    }

    /// The loop of `read`: returns how many records there were.
    private static func readRecords(
        _ bytes: UnsafeRawBufferPointer, line: Int, layout: Layout, capacity: Int, texts: inout [TextColumnBuilder],
        times: inout [TimestampColumnBuilder], progress: LoadProgress?, release: (Range<Int>) -> Void
    ) throws(LoadError) -> Int {
        var released = 0
        var rows = 0
        let width = layout.plans.count
        var scanner = CSVScanner(part: bytes, file: layout.file, line: line)
        let fields = UnsafeMutablePointer<CSVField>.allocate(capacity: width)
        defer { fields.deallocate() }
        var scratch: [UInt8] = []
        let names = layout.map.entries.map(\.name)
        let plans = layout.plans
        try texts.withUnsafeMutableBufferPointer { (texts) throws(LoadError) in
            try times.withUnsafeMutableBufferPointer { (times) throws(LoadError) in
                while let count = try scanner.nextRecord({ index, field in if index < width { fields[index] = field } }) {
                    // A part with more records than reckoned (or whose lines end in lone carriage returns) is read again in one pass.
                    guard rows < capacity else { throw LoadError(file: layout.file, message: "more records than line ends") }
                    guard count == width else {
                        let column = count < width ? count + 1 : width + 1
                        throw LoadError(
                            file: layout.file, line: scanner.recordLine, column: column,
                            message: "this row has \(count) field\(count == 1 ? "" : "s") but the header has \(width)")
                    }
                    for index in 0..<width {
                        let field = fields[index]
                        switch plans[index] {
                        case .text(let builder, let required):
                            if required && field.isEmpty {
                                throw LoadError(
                                    file: layout.file, line: scanner.recordLine, column: index + 1,
                                    message: "\(names[index]) is empty; every row needs one")
                            }
                            CSVScanner.withValue(of: field, in: bytes, scratch: &scratch) {
                                texts[builder].append($0, quoted: field.quoted, stable: !field.hasEscapedQuotes)
                            }
                        case .deferred(let builder):
                            texts[builder].appendDeferred(isNull: field.isEmpty && !field.quoted)
                        case .skip:
                            break
                        case .timestamp(let builder, let required):
                            let failure = CSVScanner.withValue(of: field, in: bytes, scratch: &scratch) { times[builder].append($0) }
                            if let failure {
                                throw timestampError(failure, value: scanner.string(of: field), name: names[index],
                                                     line: scanner.recordLine, column: index + 1, file: layout.file)
                            }
                            if required, times[builder].values.last == Null.timestamp {
                                throw LoadError(
                                    file: layout.file, line: scanner.recordLine, column: index + 1,
                                    message: "\(names[index]) is empty; every row needs one")
                            }
                        }
                    }
                    rows += 1
                    if rows & 0xFFFF == 0 {
                        if let progress, !progress(scanner.progress) { throw LoadError(file: layout.file, message: "interrupted") }
                        let done = scanner.position - (1 << 20)
                        if done - released >= 16 << 20 {
                            release(released..<done)
                            released = done
                        }
                    }
                }
            }
        }
        return rows
    }

    private static func timestampError(
        _ failure: TimestampParser.Outcome, value: String, name: String, line: Int, column: Int, file: String
    ) -> LoadError {
        let shown = value.count > 60 ? String(value.prefix(60)) + "…" : value
        let reason: String
        if case .invalid(let why) = failure {
            reason = "\(name) \"\(shown)\" is not a valid date: \(why)"
        } else {
            reason = "\(name) \"\(shown)\" is not a date and time leadq can read (it reads ISO 8601 such as 2026-03-04T09:15:00Z, 3/4/2026 9:15 AM, 04-03-2026 09:15 (see --date-format), 4 Mar, 2026 09:15:00, and epoch milliseconds)"
        }
        return LoadError(file: file, line: line, column: column, message: reason)
    }
}
