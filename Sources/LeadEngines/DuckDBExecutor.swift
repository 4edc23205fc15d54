import Foundation
import LeadEngine
import LeadQuery
import LeadSQL
import LeadStore

/// Runs statements through the DuckDB command-line program over the CSV
/// files the session was opened on: each statement compiles to DuckDB SQL,
/// runs once over views that read the files in canonical form, and its CSV
/// answer becomes the same `ResultTable` the in-memory engine gives.
package struct DuckDBExecutor: SQLEngineExecutor {
    let program: String
    let tables: CanonicalTables

    let values = EngineValues()

    package var name: String { "DuckDB" }
    var dialect: Dialect { .duckdb }

    func holds(_ field: String, grain: Grain) -> Bool {
        tables.holds(field, grain: grain)
    }

    package func rows(_ sql: String) -> [[String?]]? {
        try? Self.run(program, tables.views + sql + ";\n")
    }

    /// The marker of a null in DuckDB's answers.
    static let null = "\\N"

    /// An executor over the files of `store`; checks that `duckdb` is on
    /// `PATH` and that every value reads as the in-memory load reads it (`valueCheck`).
    package init(store: LeadStore, path: String? = ProcessInfo.processInfo.environment["PATH"],
                 isCancelled: (@Sendable () -> Bool)? = nil) throws(EngineError) {
        guard let program = ProgramRun.find("duckdb", path: path) else { throw EngineError(message: EngineMessages.duckdbMissing) }
        guard !store.summary.files.contains(where: \.generated) else { throw EngineError(message: EngineMessages.needsFiles) }
        try EngineFiles.requireRegular(store, engine: "duckdb")
        self.program = program
        tables = CanonicalTables(store: store)
        let answer = try Self.run(program, tables.views + tables.valueCheck, isCancelled: isCancelled)
        if let row = answer.dropFirst().first, row.count == 4 {
            let (file, field, example) = (row[0] ?? "", row[1] ?? "", row[2] ?? "")
            throw EngineError(message: EngineMessages.refusedValue(
                row[3] ?? "", field: field, file: file, example: example, zone: tables.wallClockZone, engine: "duckdb"))
        }
    }

    package func run(_ query: BoundQuery, in session: Session, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> ResultTable {
        let rows = try answer(try SQLPlan(statement: .query(query), dialect: .duckdb, session: session), isCancelled: isCancelled)
        return try EngineResult.table(query, rows: rows, buckets: session.settings.buckets)
    }

    package func run(_ list: BoundList, in session: Session, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> ResultTable {
        let rows = try answer(try SQLPlan(statement: .list(list), dialect: .duckdb, session: session), isCancelled: isCancelled)
        return try EngineResult.table(list, rows: rows)
    }

    /// Runs plans one after another in one DuckDB process; the answer of each, header first.
    package func answers(_ plans: [SQLPlan]) throws(Diagnostic) -> [[[String?]]] {
        let marker = "leadq-answer-ends"
        var script = tables.views
        for plan in plans {
            script += try SQLCompiler.compile(plan) + ";\n.print \(marker)\n"
        }
        let all: [[String?]]
        do { all = try Self.run(program, script) } catch { throw Self.diagnostic(error.message) }
        var answers: [[[String?]]] = [[]]
        for row in all {
            if row.count == 1, row[0] == marker { answers.append([]) } else { answers[answers.count - 1].append(row) }
        }
        return Array(answers.dropLast())
    }

    /// The tables of several plans, from one DuckDB process.
    package func tables(_ plans: [SQLPlan]) throws(Diagnostic) -> [ResultTable] {
        let rows = try answers(plans)
        var tables: [ResultTable] = []
        for (plan, answer) in zip(plans, rows) {
            switch plan.statement {
            case .query(let query): tables.append(try EngineResult.table(query, rows: answer, buckets: plan.buckets))
            case .list(let list): tables.append(try EngineResult.table(list, rows: answer))
            }
        }
        return tables
    }

    private func answer(_ plan: SQLPlan, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> [[String?]] {
        let sql = try SQLCompiler.compile(plan)
        do { return try Self.run(program, tables.views + sql + ";\n", isCancelled: isCancelled) } catch { throw Self.diagnostic(error.message) }
    }

    static func diagnostic(_ message: String) -> Diagnostic {
        Diagnostic(.error, message, at: SourceRange(start: 0, end: 0, line: 1, column: 1))
    }

    /// Runs a script; its rows, or the program's first error line.
    static func run(_ program: String, _ script: String, isCancelled: (@Sendable () -> Bool)? = nil) throws(EngineError) -> [[String?]] {
        let result: ProgramRun
        do {
            result = try ProgramRun.run(program, ["-csv", "-nullvalue", null, "-bail", ":memory:"], input: script, isCancelled: isCancelled)
        } catch is ProgramRun.Cancelled {
            throw EngineError(message: EngineMessages.interrupted)
        } catch {
            throw EngineError(message: EngineMessages.failed("duckdb", "\(error)"))
        }
        guard result.status == 0, !result.error.contains("Error") else {
            let line = result.error.split(separator: "\n").first { !$0.isEmpty }.map(String.init) ?? "exit status \(result.status)"
            throw EngineError(message: EngineMessages.failed("duckdb", line))
        }
        return EngineCSV.rows(Array(result.output), null: null)
    }
}
