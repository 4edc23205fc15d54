import Foundation

extension LeadStore {
    /// What a load gathers while it reads its files one by one.
    struct Reading {
        var summary = LoadSummary()
        /// Declared direction words of every touch file read so far.
        var directionWords: [String: Bool] = [:]
        /// The shared `--map` and `--const` options some file took.
        var sharedUse = SharedOptionsTaken()
        /// Whether some touch file had a direction column for shared direction words.
        var sharedDirectionsUsed = false
        /// Each file's headers, for naming the nearest when a shared `--map` finds none.
        var headers: [(file: String, headers: [String])] = []

        init(directionWords: [String: Bool] = [:]) {
            self.directionWords = directionWords
        }

        /// Takes in what a reader read and decided: `name` is the source's.
        mutating func note(_ read: TableRead, source name: String) {
            summary.wallClock.add(read.wallClockCount, zone: read.zone)
            sharedUse.mappings.formUnion(read.sharedTaken.mappings)
            sharedUse.constants.formUnion(read.sharedTaken.constants)
            headers.append((name, read.headers))
            summary.decisions += read.notes
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

    static func readLeads(_ source: any TableReader, reading: inout Reading, progress: LoadProgress?) throws(LoadError) -> Table {
        let clock = ContinuousClock.now
        let read = try source.read(TableRequest(role: .leads, progress: progress))
        try checkUnique(read, source: source.name)
        reading.note(read, source: source.name)
        let table = LeadFlags.read(read.table, file: source.name, decisions: &reading.summary.decisions)
        reading.summary.files.append(.init(
            name: source.name, role: .leads, rows: table.rowCount, bytes: read.bytes, seconds: seconds(since: clock),
            generated: read.generated, origins: LoadSummary.origins(of: table)))
        return table
    }

    static func readTouches(
        _ source: any TableReader, reading: inout Reading, progress: LoadProgress?, leadIDs: TextDictionary?,
        defersIDs: Bool, deferred: inout DeferredColumns?
    ) throws(LoadError) -> Table {
        let clock = ContinuousClock.now
        let read = try source.read(TableRequest(role: .touches, progress: progress, leadIDs: leadIDs, defersIDs: defersIDs))
        deferred = read.deferred
        let name = source.name
        reading.note(read, source: name)
        var declared = source.shared.directionWords
        for (word, outbound) in source.options.directionWords { declared[word] = outbound }
        var table = read.table
        for column in read.undecided {
            guard let text = table.text(column) else { continue }
            let header = table[column]!.origin
            let sample = text.dictionary.values.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
            if table["direction"] == nil && TouchDirection.looksLikeDirection(text.dictionary, declared: declared) {
                table = table.renaming(column, to: "direction")
                reading.summary.decisions.append("\(name): \"\(header)\" read as direction (values \(sample))")
            } else if table["channel"] == nil {
                table = table.renaming(column, to: "channel")
                reading.summary.decisions.append("\(name): \"\(header)\" read as channel (values \(sample))")
            }
        }
        if let direction = table.text("direction") {
            if !(source.shared.inbound.isEmpty && source.shared.outbound.isEmpty) { reading.sharedDirectionsUsed = true }
            let unknown = TouchDirection.unknown(in: direction, declared: declared)
            if !unknown.isEmpty { throw LoadError(file: name, message: LoadMessages.unknownDirections(unknown)) }
        } else if !source.options.inbound.isEmpty || !source.options.outbound.isEmpty {
            throw LoadError(file: name, line: 1, message: LoadMessages.ownDirectionsUnused)
        }
        for (word, outbound) in declared {
            if let earlier = reading.directionWords[word], earlier != outbound {
                throw LoadError(file: name, message: LoadMessages.directionConflict(word))
            }
            reading.directionWords[word] = outbound
        }
        reading.summary.files.append(.init(
            name: name, role: .touches, rows: table.rowCount, bytes: read.bytes, seconds: seconds(since: clock),
            generated: read.generated, origins: LoadSummary.origins(of: table)))
        return table
    }

    /// Refuses leads in which a lead id appears twice, naming both rows as the reader names them.
    private static func checkUnique(_ read: TableRead, source name: String) throws(LoadError) {
        let leads = read.table
        guard let ids = leads.text("lead_id"), ids.dictionary.count != leads.rowCount else { return }
        for (row, code) in ids.codes.enumerated() where Int(code) != row {
            let column = leads.columns.firstIndex { $0.name == "lead_id" } ?? 0
            let places = try read.places([Int(code), row], column, leads.columns[column].origin)
            throw LoadError(file: name, place: places[1], message: LoadMessages.duplicateLead(ids.dictionary[code], first: places[0]))
        }
    }
}
