import Foundation
import LeadEngine
import LeadEngines
import LeadGen
import LeadStore
import PostgresTestSupport
import Testing

/// The differential suite on PostgreSQL: every golden and example statement
/// and the random statements, in memory over the CSV files and in a
/// throwaway server (its zone Los Angeles, so answers must not lean on it)
/// holding the same rows, each file a table of text columns.
@Suite(.serialized) struct PostgresDifferentialTests {
    /// A server, or nil (with a note, and a failure under LEADQ_ENGINES=required) when none can start.
    static func server() -> PostgresServer? {
        do {
            return try PostgresServer(settings: ["timezone=America/Los_Angeles"])
        } catch {
            print("differential: no PostgreSQL: \(error)")
            #expect(!DifferentialTests.required, "LEADQ_ENGINES=required but: \(error)")
            return nil
        }
    }

    /// Loads a folder's leads.csv and touches.csv into a new database; its
    /// connection string. Columns are text, or with `typed` as a warehouse
    /// keeps them: times `timestamptz`, the deal size `numeric`, the rest `varchar`.
    static func load(_ folder: String, into server: PostgresServer, database: String, typed: Bool = false) throws -> String {
        try server.psql("CREATE DATABASE \(database)")
        let conninfo = "host=\(server.folder) user=postgres dbname=\(database)"
        for table in ["leads", "touches"] {
            let path = folder + "/\(table).csv"
            let header = try String(contentsOfFile: path, encoding: .utf8).prefix { $0 != "\n" && $0 != "\r" }
            let columns = header.split(separator: ",").map { name in
                let type = !typed ? "text" : name == "at" || name.hasSuffix("_at") ? "timestamptz" : name == "deal_size" ? "numeric" : "varchar"
                return "\"\(name)\" \(type)"
            }.joined(separator: ", ")
            try server.psql(in: database, "CREATE TABLE \(table) (\(columns)); COPY \(table) FROM '\(path)' WITH (FORMAT csv, HEADER true)")
        }
        return conninfo
    }

    /// A session over the CSV files, and one whose executor is PostgreSQL over the same rows.
    static func sessions(_ folder: String, conninfo: String) throws -> (memory: Session, duckdb: Session) {
        let store = try LeadStore(leads: DataSource(path: folder + "/leads.csv"), touches: [DataSource(path: folder + "/touches.csv")])
        let memory = Session(store: store, description: "memory")
        var engine = Session(store: store.withoutRows(), description: "engine")
        engine.executor = try PostgresExecutor(conninfo: conninfo, leads: .table("leads"), touches: .table("touches"), store: store)
        return (memory, engine)
    }

    @Test func goldenExampleAndRandomStatementsAgree() throws {
        guard let server = Self.server() else { return }
        defer { server.stop() }
        var databases: [String: String] = [:]
        var compared = 0
        for part in try DifferentialTests.corpus() {
            if databases[part.folder] == nil { databases[part.folder] = try Self.load(part.folder, into: server, database: "data\(databases.count)") }
            var pair = try Self.sessions(part.folder, conninfo: databases[part.folder]!)
            compared += try DifferentialTests.compare(part.statements, &pair, context: part.context, dialect: "postgres")
        }
        print("differential: compared \(compared) golden and example statements in memory and on PostgreSQL")
        #expect(compared >= 100)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-pg-differential-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try LeadGenerator(leadCount: 2500, seed: 11).write(to: folder.path)
        // The generated data in typed columns: the views read them as they are, not through their text.
        var pair = try Self.sessions(folder.path, conninfo: try Self.load(folder.path, into: server, database: "generated", typed: true))
        let random = try DifferentialTests.compare(DifferentialTests.randomStatements(), &pair, context: "random", dialect: "postgres")
        print("differential: compared \(random) random statements in memory and on PostgreSQL")
        #expect(random >= 500)
    }
}
