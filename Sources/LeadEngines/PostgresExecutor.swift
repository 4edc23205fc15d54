import LeadEngine
import LeadPostgres
import LeadQuery
import LeadSQL
import LeadStore

/// Runs statements in the PostgreSQL database the data lives in: each
/// statement compiles to PostgreSQL SQL over temporary views that read the
/// tables in canonical form, runs on one connection whose zone is UTC
/// whatever the server's default (so answers never depend on it), and its
/// rows become the same `ResultTable` the in-memory engine gives.
package struct PostgresExecutor: SQLEngineExecutor {
    let connection: PostgresConnection
    let tables: PostgresTables
    let values = EngineValues()

    package var name: String { "PostgreSQL" }
    var dialect: Dialect { .postgres }

    func holds(_ field: String, grain: Grain) -> Bool {
        (grain == .lead ? tables.leads : tables.touches)?.origins.contains { $0.field == field } ?? false
    }

    package func rows(_ sql: String) -> [[String?]]? {
        try? connection.rows(sql, name: connection.description)
    }

    /// Connects with `conninfo`, makes the views over `leads` and `touches`
    /// (as the store read them) and checks that every value reads as the in-memory load reads it (`valueCheck`).
    package init(conninfo: String, leads: PostgresSource, touches: PostgresSource?, store: LeadStore,
                 isCancelled: (@Sendable () -> Bool)? = nil, verbose: Bool = false) throws(EngineError) {
        do {
            connection = try PostgresConnection(conninfo, verbose: verbose)
        } catch {
            throw EngineError(message: error.description)
        }
        let connection = self.connection
        // A type not known (a query that fails here fails again, with its message, below) is read through its text.
        tables = PostgresTables(leads: leads, touches: touches, store: store) { select in
            (try? connection.columnTypes(of: select, name: connection.description)) ?? [:]
        }
        do {
            try connection.run("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 3; SET jit = off", name: connection.description)
            if let check = tables.valueCheck,
               let row = try connection.rows(check, name: connection.description, isCancelled: isCancelled).dropFirst().first, row.count == 3 {
                throw EngineError(message: EngineMessages.refusedValue(
                    row[2] ?? "", field: row[0] ?? "", file: nil, example: row[1] ?? "", zone: tables.wallClockZone, engine: "postgres"))
            }
            try connection.run(tables.views, name: connection.description)
        } catch let error as EngineError {
            throw error
        } catch is PostgresConnection.Cancelled {
            throw EngineError(message: EngineMessages.interrupted)
        } catch {
            throw EngineError(message: EngineMessages.failed("postgres", (error as? LoadError)?.message ?? "\(error)"))
        }
    }

    package func run(_ query: BoundQuery, in session: Session, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> ResultTable {
        let rows = try answer(try SQLPlan(statement: .query(query), dialect: .postgres, session: session), isCancelled: isCancelled)
        return try EngineResult.table(query, rows: rows, buckets: session.settings.buckets)
    }

    package func run(_ list: BoundList, in session: Session, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> ResultTable {
        let rows = try answer(try SQLPlan(statement: .list(list), dialect: .postgres, session: session), isCancelled: isCancelled)
        return try EngineResult.table(list, rows: rows)
    }

    /// The tables of several plans, one after another on the connection.
    package func tables(_ plans: [SQLPlan]) throws(Diagnostic) -> [ResultTable] {
        var tables: [ResultTable] = []
        for plan in plans {
            let rows = try answer(plan)
            switch plan.statement {
            case .query(let query): tables.append(try EngineResult.table(query, rows: rows, buckets: plan.buckets))
            case .list(let list): tables.append(try EngineResult.table(list, rows: rows))
            }
        }
        return tables
    }

    private func answer(_ plan: SQLPlan, isCancelled: (@Sendable () -> Bool)? = nil) throws(Diagnostic) -> [[String?]] {
        let sql = try SQLCompiler.compile(plan, dialect: .postgres)
        do {
            return try connection.rows(sql, name: connection.description, isCancelled: isCancelled)
        } catch is PostgresConnection.Cancelled {
            throw DuckDBExecutor.diagnostic(EngineMessages.interrupted)
        } catch {
            throw DuckDBExecutor.diagnostic(EngineMessages.failed("postgres", (error as? LoadError)?.message ?? "\(error)"))
        }
    }
}
