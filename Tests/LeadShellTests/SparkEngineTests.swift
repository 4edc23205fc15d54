import Foundation
import Testing

/// `--engine spark`: the same answers as in memory from a Spark session on
/// this machine; what keeps it from starting is one line and exit status 2.
@Suite struct SparkEngineTests {
    /// The virtual environment `make test` installs pyspark into.
    static let bin = LeadQProcess.root.appendingPathComponent(".build-engines/venv/bin").path
    static var haveSpark: Bool { EngineOptionTests.engineInstalled(FileManager.default.isExecutableFile(atPath: bin + "/spark-sql"), "Spark") }
    /// PATH with that environment's python, and the system's java.
    static let environment = ["PATH": bin + ":/usr/bin:/bin", "SPARK_HOME": "", "JAVA_HOME": ""]

    /// The JVM's own zone (from TZ) is far from UTC: months and times still come out as in memory.
    @Test func sparkAnswersAsMemoryDoes() throws {
        guard Self.haveSpark else { return }
        let statements = ["rate, speed, within(1h) by segment", "leads, conversion by created_at.month",
                          "touches, reply_rate by channel order by touches desc",
                          "list leads lead_id, created_at, response where followups = 0",
                          // A value that exists: no warning, so the values are asked in Spark's quoting.
                          "leads where owner = \"Ana Souza\""]
        let arguments = ["examples/data"] + statements.flatMap { ["-c", $0] }
        let memory = try LeadQProcess.run(arguments)
        // .summary, .schema and .check ask the engine, in the same session.
        let reports = ["-c", ".summary", "-c", ".schema", "-c", ".check"]
        let spark = try LeadQProcess.run(arguments + reports + ["--engine", "spark=local[1]"],
                                         environment: Self.environment.merging(["TZ": "Pacific/Kiritimati"]) { $1 })
        #expect(spark.status == 0, "\(spark.stderr)")
        #expect(spark.stderr.isEmpty, "\(spark.stderr)")
        #expect(spark.stdout.hasPrefix(memory.stdout))
        let said = String(spark.stdout.dropFirst(memory.stdout.count))
        #expect(said.contains("Spark (local[1]) answers: 12 leads and 25 touches stay in the engine"), "\(said)")
        #expect(said.contains("leads (12 rows)"), "\(said)")
        #expect(!said.contains("Loaded 0"), "\(said)")
        #expect(said.contains("Nulls in leads (12 rows)"), "\(said)")
    }

    /// Nothing listening at a Spark Connect address: one line at start, not a client retrying for ever.
    @Test func aSparkConnectAddressWithNoServerIsOneLine() throws {
        guard Self.haveSpark else { return }
        let result = try LeadQProcess.run(["examples/data", "--engine", "spark=sc://127.0.0.1:1", "-c", "rate"], environment: Self.environment)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: cannot connect to Spark Connect at sc://127.0.0.1:1\n")
    }

    /// Spark Connect: a server started here, and leadq as its client (no JVM of its own).
    @Test func sparkConnectAnswersAsMemoryDoes() throws {
        guard Self.haveSpark else { return }
        guard let server = SparkConnectServer(venv: LeadQProcess.root.appendingPathComponent(".build-engines/venv").path) else {
            print("spark connect: pyspark[connect] is not installed or the server did not start; skipped")
            #expect(ProcessInfo.processInfo.environment["LEADQ_ENGINES"] != "required", "the Spark Connect server did not start")
            return
        }
        defer { server.stop() }
        let statements = ["rate, speed by segment", "leads, conversion by created_at.month", "list leads lead_id, created_at where followups = 0"]
        let arguments = ["examples/data"] + statements.flatMap { ["-c", $0] }
        let memory = try LeadQProcess.run(arguments)
        let spark = try LeadQProcess.run(arguments + ["--engine", "spark=sc://127.0.0.1:\(server.port)"], environment: Self.environment)
        #expect(spark.status == 0, "\(spark.stderr)")
        #expect(spark.stdout == memory.stdout)
    }

    /// Tables the session knows (here read from parquet paths, written by pyarrow without a JVM):
    /// the same answers as the CSV files in memory, with the fields learned from Spark.
    @Test func sparkReadsTablesItKnows() throws {
        guard Self.haveSpark else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-spark-tables-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let write = Process()
        write.executableURL = URL(fileURLWithPath: Self.bin + "/python")
        write.arguments = ["-c", "import sys, pyarrow.csv as c, pyarrow.parquet as q\n"
            + "for n in ('leads', 'touches'): q.write_table(c.read_csv(sys.argv[1] + '/' + n + '.csv'), sys.argv[2] + '/' + n + '.parquet')",
            LeadQProcess.root.appendingPathComponent("examples/data").path, folder]
        try write.run()
        write.waitUntilExit()
        guard write.terminationStatus == 0 else {
            #expect(ProcessInfo.processInfo.environment["LEADQ_ENGINES"] != "required", "pyarrow could not write parquet files")
            return
        }
        let statements = ["rate, speed, within(1h) by segment", "leads, conversion by created_at.month",
                          "touches, reply_rate by channel order by touches desc", "list leads lead_id, created_at, response where followups = 0"]
        let memory = try LeadQProcess.run(["examples/data"] + statements.flatMap { ["-c", $0] })
        let tables = ["--leads-table", "parquet.`\(folder)/leads.parquet`", "--touches-table", "parquet.`\(folder)/touches.parquet`"]
        let spark = try LeadQProcess.run(tables + ["--engine", "spark=local[1]"] + statements.flatMap { ["-c", $0] }, environment: Self.environment)
        #expect(spark.status == 0, "\(spark.stderr)")
        #expect(spark.stderr.isEmpty, "\(spark.stderr)")
        #expect(spark.stdout == memory.stdout)
    }

    @Test func tablesWithoutADatabaseNeedSpark() throws {
        let result = try LeadQProcess.run(["--leads-table", "leads", "-c", "rate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--leads-table needs --db"), "\(result.stderr)")
        let engine = try LeadQProcess.run(["--leads-table", "leads", "--engine", "duckdb", "-c", "rate"])
        #expect(engine.status == 2)
        #expect(engine.stderr.contains("--leads-table needs --db"), "\(engine.stderr)")
    }

    @Test func sparkNotInstalledIsOneLine() throws {
        let result = try LeadQProcess.run(["examples/data", "--engine", "spark", "-c", "rate"], environment: ["PATH": "/nonexistent", "SPARK_HOME": ""])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: --engine spark needs Apache Spark: set SPARK_HOME, or put spark-sql or a python3 with pyspark on PATH "
            + "(pip install pyspark; make installs it under .build-engines/venv)\n")
    }

    @Test func aSparkHomeWithoutSparkIsOneLine() throws {
        let result = try LeadQProcess.run(["examples/data", "--engine", "spark", "-c", "rate"], environment: ["SPARK_HOME": "/nonexistent/spark"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --engine spark: SPARK_HOME is /nonexistent/spark, which holds no Spark"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: ["foo", "local[0]", "local[x]", "spark://", "spark://host:port", "yarn-client", "sc://"])
    func aBadMasterURLIsOneLine(master: String) throws {
        let result = try LeadQProcess.run(["examples/data", "--engine", "spark=" + master, "-c", "rate"], environment: Self.environment)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: --engine spark=\(master): not a Spark master URL; give local[*], local[N], spark://HOST:7077, yarn, k8s://URL or sc://HOST:15002\n")
    }

    @Test func javaMissingIsOneLine() throws {
        guard Self.haveSpark else { return }
        let result = try LeadQProcess.run(["examples/data", "--engine", "spark", "-c", "rate"], environment: ["PATH": Self.bin, "SPARK_HOME": "", "JAVA_HOME": ""])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --engine spark needs Java 17 or later for its JVM"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// Leads without a touch file: the session's touches are an empty table
    /// of the touch fields (reading no file at all failed at start).
    @Test func leadsWithoutTouchesAnswerOnSpark() throws {
        guard Self.haveSpark else { return }
        let statements = ["-c", "leads, rate, touches by segment", "-c", "list touches"]
        let memory = try LeadQProcess.run(["--leads", "examples/data/leads.csv", "--no-init"] + statements)
        let spark = try LeadQProcess.run(["--leads", "examples/data/leads.csv", "--no-init", "--engine", "spark"] + statements,
                                         environment: Self.environment)
        #expect(spark.status == 0, "\(spark.stderr)")
        #expect(spark.stdout == memory.stdout, "memory:\n\(memory.stdout)\nspark:\n\(spark.stdout)")
    }

    /// Business hours in each lead's own zone (the data of `lead_zones_sql.golden`:
    /// zones with changes of offset in open hours, fixed offsets, an empty and an
    /// unknown zone, names in other cases), in one Spark session, as in memory.
    @Test func businessHoursInEachLeadsZoneAnswerAsInMemory() throws {
        guard Self.haveSpark else { return }
        let folder = LeadQProcess.root.appendingPathComponent("Tests/LeadEngineTests/Golden/lead_zones").path
        let statements = ["set hours Mon-Fri 09:00-17:00, Sat-Sun 00:00-24:00", "set holidays 2026-12-25, 2026-03-09",
                          "list leads lead_id, timezone, response_business", "speed(business), within(4h, business) by timezone",
                          "set tz America/New_York", "set hours Mon-Sun 01:00-03:30",
                          "speed(business, p90), within(1h, business) by owner", "within(4h, business), speed(business) by month"]
        let arguments = [folder, "--no-init"] + statements.flatMap { ["-c", $0] }
        let memory = try LeadQProcess.run(arguments)
        let spark = try LeadQProcess.run(arguments + ["--engine", "spark"], environment: Self.environment)
        #expect(spark.status == 0, "\(spark.stderr)")
        #expect(spark.stdout == memory.stdout, "memory:\n\(memory.stdout)\nspark:\n\(spark.stdout)")
        #expect(spark.stdout.contains("Z02,America/New_York,2\n"), "\(spark.stdout)")
    }

    @Test func theDemoIsRefused() throws {
        guard Self.haveSpark else { return }
        let result = try LeadQProcess.run(["--engine", "spark", "-c", "rate"], environment: Self.environment)
        #expect(result.status == 2)
        #expect(result.stderr == "error: --engine spark reads CSV files: give a folder or --leads and --touches (the demo data lives only in memory)\n")
    }
}
