import Foundation
import LeadStore

/// `--engine spark --leads-table T --touches-table T`: statements run over
/// tables the Spark session already knows — a table of its catalog
/// (`db.table`, `catalog.db.table`: a Hive metastore or another catalog set
/// in `spark-defaults.conf`) or a table read from a path (``parquet.`/data/leads` ``).
/// The session starts at once: the fields and types are learned from each
/// table's first rows, read as a CSV file's are (header aliases, `--map`),
/// and the views read the tables in canonical form as the files' views do.
extension SparkExecutor {
    /// The executor and a store with the tables' fields and types (no rows).
    package static func overTables(leads: String, touches: String?, master text: String?, options: FileOptions,
                                   zone: ZoneRules, verbose: Bool = false, interrupted: (@Sendable () -> Bool)? = nil,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) throws(EngineError) -> (SparkExecutor, LeadStore) {
        let master = try Self.master(text)
        let install = try SparkInstall.find(environment)
        if !master.isConnect && SparkInstall.java(environment) == nil { throw EngineError(message: EngineMessages.javaMissing) }
        if master.isConnect && !SparkConnectProbe.listens(master.url) { throw EngineError(message: EngineMessages.sparkConnectRefused(master.url)) }
        let setup: [String: Any] = [
            "master": master.url, "zone": "UTC", "verbose": verbose, "cache": master.isLocal,
            "conf": Self.configuration(master), "tables": [String: Any](),
        ]
        let driver = SparkDriver(install: install, master: master, setup: setup, verbose: verbose, interrupted: interrupted)
        var names = ["leads": leads]
        if let touches { names["touches"] = touches }
        let samples = try driver.sample(names, rows: 1000)
        func source(_ view: String) -> DataSource? {
            guard let name = names[view], let text = samples[view] else { return nil }
            var source = DataSource(file: FileBytes(name: name, bytes: Array(text.utf8)), options: options)
            source.zone = zone
            return source
        }
        let store: LeadStore
        do {
            store = try LeadStore(DataSet(leads: source("leads"), touches: source("touches").map { [$0] } ?? [])).withoutRows()
        } catch {
            throw EngineError(message: error.description)
        }
        try CanonicalReadings.check(store, options: [options], engine: "spark")
        let tables = CanonicalTables(store: store)
        var views: [String: Any] = ["leads": Self.table(leads, tables.leads, kinds: tables.leadKinds)]
        if let touches, let file = tables.touches.first { views["touches"] = Self.table(touches, file, kinds: tables.touchKinds) }
        try driver.define(views)
        return (SparkExecutor(driver: driver, tables: tables), store)
    }

    /// One table to read: its name and each field with its column and type.
    static func table(_ name: String, _ file: CanonicalTables.File, kinds: [String: ColumnKind]) -> [String: Any] {
        let columns: [[String: String]] = file.origins.compactMap { origin in
            guard let kind = kinds[origin.field] else { return nil }
            return ["field": origin.field, "header": origin.header, "kind": kind.rawValue]
        }
        return ["table": name, "columns": columns]
    }
}
