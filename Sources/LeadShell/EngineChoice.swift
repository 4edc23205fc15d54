import LeadEngine
import LeadEngines
import LeadStore

/// `--engine NAME`: the executor that answers instead of memory, attached
/// when the data is opened and again whenever `.open` or `.load` changes it.
enum EngineChoice {
    static func executor(named name: String, for session: Session, location: DataLocation, shared: FileOptions) throws(EngineError) -> any Executor {
        let engine = name.lowercased()
        if engine != "memory" { try CanonicalReadings.check(session.store, options: [shared] + location.fileOptions, engine: engine) }
        switch engine {
        case "memory": return InMemoryExecutor()
        case "duckdb": return try DuckDBExecutor(store: session.store)
        case "postgres", "postgresql":
            guard case .database(let conninfo, let leads, let touches) = location else { throw EngineError(message: EngineChoiceMessages.postgresNeedsDatabase) }
            return try PostgresExecutor(conninfo: conninfo, leads: leads, touches: touches, store: session.store)
        default: throw EngineError(message: EngineChoiceMessages.unknown(name))
        }
    }

    /// Whether the engine named holds the data, so that nothing is loaded into memory.
    static func holdsData(_ engine: String?) -> Bool {
        guard let engine else { return false }
        return engine.lowercased() != "memory"
    }

    /// Gives the session the engine asked for; the line to print when it cannot start.
    static func attach(_ engine: String?, to session: inout Session, location: DataLocation, shared: FileOptions) -> String? {
        guard let engine else { return nil }
        do {
            session.executor = try executor(named: engine, for: session, location: location, shared: shared)
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
