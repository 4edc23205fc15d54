import Foundation

extension LeadStore {
    /// What a load gathers while it reads its files one by one.
    struct Reading {
        var summary = LoadSummary()
        /// Declared direction words of every touch file read so far.
        var directionWords: [String: Bool] = [:]
        /// The shared `--map` and `--const` options some file took.
        var sharedUse = HeaderMap.SharedUse()
        /// Whether some touch file had a direction column for shared direction words.
        var sharedDirectionsUsed = false
        /// Each file's headers, for naming the nearest when a shared `--map` finds none.
        var headers: [(file: String, headers: [String])] = []

        init(directionWords: [String: Bool] = [:]) {
            self.directionWords = directionWords
        }

        mutating func note(_ parsed: ParsedTable, file: String, zone: ZoneRules) {
            summary.wallClock.add(parsed.wallClockCount, zone: zone)
            sharedUse.mappings.formUnion(parsed.map.sharedUse.mappings)
            sharedUse.constants.formUnion(parsed.map.sharedUse.constants)
            headers.append((file, parsed.map.entries.map(\.header)))
            summary.decisions += parsed.dateNotes.map { "\(file): \($0)" }
            for constant in parsed.map.constants {
                summary.decisions.append(LoadMessages.constantNote(file: file, field: constant.name, value: constant.value))
            }
        }

        /// Refuses an option given for every file that no file took.
        func checkShared(_ shared: FileOptions) throws(LoadError) {
            for (index, mapping) in shared.mappings.enumerated() where !sharedUse.mappings.contains(index) {
                let nearest = headers.flatMap { file in
                    HeaderMap.nearest(mapping.header, in: file.headers).map { (file: file.file, header: $0) }
                }
                let best = nearest.sorted {
                    HeaderMap.distance(mapping.header, $0.header) < HeaderMap.distance(mapping.header, $1.header)
                }
                throw LoadError(file: "--map \(mapping.target)=\(mapping.header)",
                                message: LoadMessages.sharedMapUnused(mapping, nearest: Array(best.prefix(3))))
            }
            for (index, constant) in shared.constants.enumerated() where !sharedUse.constants.contains(index) {
                throw LoadError(file: "--const \(constant.field)=\(constant.value)", message: LoadMessages.sharedConstantUnused(constant))
            }
            if !(shared.inbound.isEmpty && shared.outbound.isEmpty) && !sharedDirectionsUsed {
                let option = shared.inbound.isEmpty ? "--outbound" : "--inbound"
                throw LoadError(file: option, message: LoadMessages.sharedDirectionsUnused)
            }
        }
    }

    static func readLeads(_ source: DataSource, reading: inout Reading, progress: LoadProgress?) throws(LoadError) -> Table {
        let clock = ContinuousClock.now
        let file = try source.read()
        let parsed = try CSVTableReader.read(file, role: .leads, options: source.options, shared: source.shared, progress: progress,
            dateOrder: try source.dateOrder(), zone: source.zone)
        try checkUnique(parsed.table, file: file)
        reading.note(parsed, file: file.name, zone: source.zone)
        let table = LeadFlags.read(parsed.table, file: file.name, decisions: &reading.summary.decisions)
        reading.summary.files.append(.init(
            name: file.name, role: .leads, rows: table.rowCount, bytes: file.count, seconds: seconds(since: clock),
            generated: source.isGenerated, origins: LoadSummary.origins(of: table)))
        return table
    }

    static func readTouches(
        _ source: DataSource, reading: inout Reading, progress: LoadProgress?, leadIDs: TextDictionary?
    ) throws(LoadError) -> Table {
        let clock = ContinuousClock.now
        let file = try source.read()
        let parsed = try CSVTableReader.read(
            file, role: .touches, options: source.options, shared: source.shared, progress: progress, leadIDs: leadIDs,
            dateOrder: try source.dateOrder(), zone: source.zone)
        reading.note(parsed, file: file.name, zone: source.zone)
        var declared = source.shared.directionWords
        for (word, outbound) in source.options.directionWords { declared[word] = outbound }
        var table = parsed.table
        for name in parsed.undecided {
            guard let text = table.text(name) else { continue }
            let header = table[name]!.origin
            let sample = text.dictionary.values.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
            if table["direction"] == nil && TouchDirection.looksLikeDirection(text.dictionary, declared: declared) {
                table = table.renaming(name, to: "direction")
                reading.summary.decisions.append("\(file.name): \"\(header)\" read as direction (values \(sample))")
            } else if table["channel"] == nil {
                table = table.renaming(name, to: "channel")
                reading.summary.decisions.append("\(file.name): \"\(header)\" read as channel (values \(sample))")
            }
        }
        if let direction = table.text("direction") {
            if !(source.shared.inbound.isEmpty && source.shared.outbound.isEmpty) { reading.sharedDirectionsUsed = true }
            let unknown = TouchDirection.unknown(in: direction, declared: declared)
            if !unknown.isEmpty { throw LoadError(file: file.name, message: LoadMessages.unknownDirections(unknown)) }
        } else if !source.options.inbound.isEmpty || !source.options.outbound.isEmpty {
            throw LoadError(file: file.name, line: 1, message: LoadMessages.ownDirectionsUnused)
        }
        for (word, outbound) in declared {
            if let earlier = reading.directionWords[word], earlier != outbound {
                throw LoadError(file: file.name, message: LoadMessages.directionConflict(word))
            }
            reading.directionWords[word] = outbound
        }
        reading.summary.files.append(.init(
            name: file.name, role: .touches, rows: table.rowCount, bytes: file.count, seconds: seconds(since: clock),
            generated: source.isGenerated, origins: LoadSummary.origins(of: table)))
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
}
