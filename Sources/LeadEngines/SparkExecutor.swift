import Foundation
import LeadEngine
import LeadQuery
import LeadSQL
import LeadStore

/// Runs statements on Apache Spark: each compiles to Spark SQL and runs in
/// one long-lived session over views of the CSV files read with an explicit
/// schema (canonical form: the data model's fields, ISO 8601 timestamps,
/// numbers as doubles, empty text as null), in a UTC session (the SQL names
/// leadq's zone itself wherever local time counts); the
/// answer becomes the same `ResultTable` the in-memory engine gives.
package struct SparkExecutor: SQLEngineExecutor {
    let driver: SparkDriver
    let tables: CanonicalTables
    let values = EngineValues()
    let checked = CheckPassed()

    package var name: String { "Spark (\(driver.master.url))" }
    var dialect: Dialect { .spark }

    func holds(_ field: String, grain: Grain) -> Bool {
        tables.holds(field, grain: grain)
    }

    package func rows(_ sql: String) -> [[String?]]? {
        try? driver.answer(sql, zone: "UTC")
    }

    /// An executor for `master` (nil: `local[*]`); checks the master's form,
    /// that Spark is installed and, for a JVM of its own, that Java is. Spark
    /// itself starts on the first statement; `interrupted` (Ctrl-C) stops its
    /// start and any wait no statement of its own asks about.
    package init(store: LeadStore, master text: String?, verbose: Bool = false, interrupted: (@Sendable () -> Bool)? = nil,
                 environment: [String: String] = ProcessInfo.processInfo.environment) throws(EngineError) {
        let master = try Self.master(text)
        guard !store.summary.files.contains(where: \.generated) else { throw EngineError(message: EngineMessages.sparkNeedsFiles) }
        try EngineFiles.requireRegular(store, engine: "spark")
        let install = try SparkInstall.find(environment)
        if !master.isConnect && SparkInstall.java(environment) == nil { throw EngineError(message: EngineMessages.javaMissing) }
        if master.isConnect && !SparkConnectProbe.listens(master.url) { throw EngineError(message: EngineMessages.sparkConnectRefused(master.url)) }
        let tables = CanonicalTables(store: store)
        self.tables = tables
        let setup: [String: Any] = [
            "master": master.url, "zone": "UTC", "verbose": verbose, "cache": master.isLocal,
            "conf": Self.configuration(master),
            "tables": ["leads": ["files": [Self.file(tables.leads, kinds: tables.leadKinds, zone: store.summary.wallClock.zone)]],
                       "touches": ["files": tables.touches.map { Self.file($0, kinds: tables.touchKinds, zone: store.summary.wallClock.zone) },
                                   "fields": store.touches.columns.map { ["field": $0.name, "kind": $0.kind.rawValue] }]],
        ]
        driver = SparkDriver(install: install, master: master, setup: setup, verbose: verbose, interrupted: interrupted)
    }

    init(driver: SparkDriver, tables: CanonicalTables) {
        self.driver = driver
        self.tables = tables
    }

    /// The master `--engine spark=MASTER` names (nil: `local[*]`).
    static func master(_ text: String?) throws(EngineError) -> SparkMaster {
        guard let text else { return .local }
        guard let named = SparkMaster(text) else { throw EngineError(message: EngineMessages.sparkMaster(text)) }
        return named
    }

    /// Settings that keep answers and output the same wherever it runs.
    static func configuration(_ master: SparkMaster) -> [String: String] {
        var conf = ["spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false", "spark.sql.session.timeZone": "UTC"]
        if master.isLocal { conf["spark.sql.shuffle.partitions"] = "4" }
        return conf
    }

    /// One file to read: its path, the zone for times without an offset, and each field with its header and type.
    static func file(_ file: CanonicalTables.File, kinds: [String: ColumnKind], zone: String) -> [String: Any] {
        let columns: [[String: String]] = file.origins.compactMap { origin in
            guard let kind = kinds[origin.field] else { return nil }
            return ["field": origin.field, "header": origin.header, "kind": kind.rawValue]
        }
        let path = URL(fileURLWithPath: file.path).standardizedFileURL.path
        return ["path": path, "zone": zone, "columns": columns]
    }

    package func run(_ query: BoundQuery, in session: Session, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> ResultTable {
        let plan = try SQLPlan(statement: .query(query), dialect: .spark, session: session)
        return try table(plan, rows: answer(plan, isCancelled: isCancelled))
    }

    package func run(_ list: BoundList, in session: Session, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> ResultTable {
        let plan = try SQLPlan(statement: .list(list), dialect: .spark, session: session)
        return try table(plan, rows: answer(plan, isCancelled: isCancelled))
    }

    /// The tables of several plans, one after another in the session.
    package func tables(_ plans: [SQLPlan]) throws(Diagnostic) -> [ResultTable] {
        var tables: [ResultTable] = []
        for plan in plans { tables.append(try table(plan, rows: answer(plan))) }
        return tables
    }

    private func answer(_ plan: SQLPlan, isCancelled: (@Sendable () -> Bool)? = nil) throws(Diagnostic) -> [[String?]] {
        let sql = try SQLCompiler.compile(plan)
        do {
            try checkValues(isCancelled: isCancelled)
            return try driver.answer(sql, zone: "UTC", isCancelled: isCancelled)
        } catch {
            throw DuckDBExecutor.diagnostic(error.message)
        }
    }

    private func table(_ plan: SQLPlan, rows: [[String?]]) throws(Diagnostic) -> ResultTable {
        do {
            switch plan.statement {
            case .query(let query): return try EngineResult.table(query, rows: rows, buckets: plan.buckets)
            case .list(let list): return try EngineResult.table(list, rows: rows)
            }
        } catch {
            throw DuckDBExecutor.diagnostic(EngineMessages.unreadable("spark"))
        }
    }
}
