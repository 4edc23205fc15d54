import LeadStore

/// Engines read data in canonical form (SPEC §2's columns, ISO 8601
/// timestamps); the readings of CRM exports that only the in-memory engine
/// makes are refused up front, one line naming the reading, rather than
/// answered differently.
package enum CanonicalReadings {
    /// The first reading of `store` or of the file options an engine cannot make, as an error.
    package static func check(_ store: LeadStore, options: [FileOptions], engine: String) throws(EngineError) {
        for file in store.summary.files {
            switch file.role {
            case .events: throw EngineError(message: EngineMessages.memoryOnly("--events (a status-change log)", engine: engine))
            case .conversions: throw EngineError(message: EngineMessages.memoryOnly("--conversions (a deals export)", engine: engine))
            default: continue
            }
        }
        for flag in ["is_converted", "is_qualified"] {
            if let column = store.leads[flag], column.kind == .count {
                throw EngineError(message: EngineMessages.memoryOnly("the yes/no flag \(flag) (from \"\(column.origin)\")", engine: engine))
            }
        }
        // Spark reads the files itself in the load zone; DuckDB's and PostgreSQL's views read such times as UTC.
        let wallClock = store.summary.wallClock
        if wallClock.count > 0, wallClock.zone != ZoneRules.utc.name, engine != "spark" {
            throw EngineError(message: EngineMessages.memoryOnly(EngineMessages.wallClockIn(wallClock.zone), engine: engine))
        }
        for option in options {
            if option.dateFormat != nil { throw EngineError(message: EngineMessages.memoryOnly("--date-format", engine: engine)) }
            if !option.constants.isEmpty { throw EngineError(message: EngineMessages.memoryOnly("--const", engine: engine)) }
            if !option.inbound.isEmpty || !option.outbound.isEmpty {
                throw EngineError(message: EngineMessages.memoryOnly("--inbound and --outbound", engine: engine))
            }
        }
    }
}
