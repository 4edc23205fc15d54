import LeadEngine
import LeadEngines
import LeadStore

/// `--engine NAME`: the executor that answers instead of memory, attached
/// when the data is opened and again whenever `.open` or `.load` changes it.
enum EngineChoice {
    /// `NAME`, or `NAME=WHERE` for an engine that runs elsewhere (`spark=yarn`).
    static func executor(named text: String, for session: Session, location: DataLocation, shared: FileOptions, verbose: Bool = false) throws(EngineError) -> any Executor {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let engine = String(parts[0]).lowercased(), place = parts.count > 1 ? String(parts[1]) : nil
        if engine != "memory" { try CanonicalReadings.check(session.store, options: [shared] + location.fileOptions, engine: engine) }
        switch (engine, place) {
        case ("memory", nil): return InMemoryExecutor()
        case ("duckdb", nil): return try DuckDBExecutor(store: session.store, isCancelled: Interrupt.pending)
        case ("postgres", nil), ("postgresql", nil):
            guard case .database(let conninfo, let leads, let touches) = location else { throw EngineError(message: EngineChoiceMessages.postgresNeedsDatabase) }
            return try PostgresExecutor(conninfo: conninfo, leads: leads, touches: touches, store: session.store,
                                        isCancelled: Interrupt.pending, verbose: verbose)
        case ("spark", _): return try SparkExecutor(store: session.store, master: place, verbose: verbose, interrupted: Interrupt.pending)
        default: throw EngineError(message: EngineChoiceMessages.unknown(text))
        }
    }

    /// Whether the engine named holds the data, so that nothing is loaded into memory.
    static func holdsData(_ engine: String?) -> Bool {
        guard let engine else { return false }
        return engine.lowercased() != "memory"
    }

    /// Gives the session the engine asked for; the line to print when it cannot start.
    static func attach(_ engine: String?, to session: inout Session, location: DataLocation, shared: FileOptions, verbose: Bool = false) -> String? {
        guard let engine else { return nil }
        Interrupt.take()
        do {
            if case .sparkTables(let leads, let touches) = location {
                let parts = engine.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts[0].lowercased() == "spark" else { return "error: " + DataMessages.sparkTablesNeedSpark }
                let (executor, store) = try SparkExecutor.overTables(
                    leads: leads, touches: touches, master: parts.count > 1 ? String(parts[1]) : nil, options: shared,
                    zone: session.settings.zone, verbose: verbose, interrupted: Interrupt.pending)
                var opened = Session(store: store, description: location.sparkTablesDescription(leads, touches))
                opened.settings = session.settings
                opened.executor = executor
                session = opened
                return nil
            }
            session.executor = try executor(named: engine, for: session, location: location, shared: shared, verbose: verbose)
            return nil
        } catch {
            return "error: \(error.message)"
        }
    }
}

extension DataLocation {
    /// The options given with each named file.
    var fileOptions: [FileOptions] {
        guard case .files(let files, _) = self else { return [] }
        return files.map(\.options)
    }
}
