import LeadEngine
import LeadEngines

/// `--engine NAME`: the executor that answers instead of memory, attached
/// when the data is opened and again whenever `.open` or `.load` changes it.
enum EngineChoice {
    static func executor(named name: String, for session: Session) throws(EngineError) -> any Executor {
        switch name.lowercased() {
        case "memory": return InMemoryExecutor()
        case "duckdb": return try DuckDBExecutor(store: session.store)
        default: throw EngineError(message: EngineChoiceMessages.unknown(name))
        }
    }

    /// Gives the session the engine asked for; the line to print when it cannot start.
    static func attach(_ engine: String?, to session: inout Session) -> String? {
        guard let engine else { return nil }
        do {
            session.executor = try executor(named: engine, for: session)
            return nil
        } catch {
            return "error: \(error.message)"
        }
    }
}
