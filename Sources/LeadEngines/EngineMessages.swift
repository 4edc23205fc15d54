/// The words of every engine error, in one place.
enum EngineMessages {
    static let duckdbMissing =
        "--engine duckdb needs the duckdb program on PATH: pip install duckdb-cli (make installs it under .build-engines/venv/bin)"
    static func unknownEngine(_ name: String) -> String {
        "unknown engine \"\(name)\": choose duckdb, postgres, spark (spark=MASTER) or memory"
    }
    static let needsFiles = "--engine duckdb reads CSV files: give a folder or --leads and --touches (the demo data lives only in memory)"
    static func notRegular(_ file: String, engine: String) -> String {
        "\(file): --engine \(engine) reads the file again on every statement, so it must be a regular file, not a pipe or device "
            + "(copy it to a file, or leave out --engine)"
    }
    static let dateFormat = "--date-format is a reading of the in-memory engine; engines read ISO 8601 timestamps only (leave out --engine)"
    /// What the readings refusal calls timestamps without an offset read in a zone other than UTC.
    static func wallClockIn(_ zone: String) -> String {
        "a timestamp without an offset read in \(zone) (--tz; write its offset, or leave out --tz)"
    }

    /// A value the start's check over every row found (`valueCheck`): a
    /// timestamp not ISO 8601, one without an offset read in `zone`, a
    /// direction that names none; `file` for CSV files.
    static func refusedValue(_ problem: String, field: String, file: String?, example: String, zone: String?, engine: String) -> String {
        let value = (file.map { "\($0): " } ?? "") + "\(field) holds \"\(example)\""
        switch problem {
        case "offset":
            return value + ", a timestamp without an offset, which --tz reads in \(zone ?? "UTC"); "
                + "--engine \(engine) reads such times only in UTC (write the offset, or leave out --tz or --engine)"
        case "direction":
            return value + ", which is not inbound or outbound; --engine \(engine) knows only the usual words "
                + "(leave out --engine, and declare it with --inbound WORD or --outbound WORD)"
        default:
            return value + ", which is not an ISO 8601 timestamp; engines read ISO 8601 only (US and day-first dates, "
                + "\"15 Apr, 2021\" and epoch milliseconds are read in memory: leave out --engine)"
        }
    }

    static func memoryOnly(_ reading: String, engine: String) -> String {
        "--engine \(engine) reads leads and touches in canonical form (SPEC's columns, ISO 8601 timestamps); "
            + "\(reading) is read by the in-memory engine only (leave out --engine)"
    }
    static let postgresNeedsDatabase = "--engine postgres runs statements in the database: give --db with it"
    /// Ctrl-C stopped the statement, or the engine's start.
    static let interrupted = "interrupted"
    static func failed(_ program: String, _ detail: String) -> String {
        "\(program) failed: \(detail)"
    }
    static func leadZonesUnread(_ engine: String) -> String {
        "\(engine) could not list the leads' timezone values, which business hours in each lead's zone need"
    }
    static func unreadable(_ program: String) -> String { "\(program) answered in a form leadq cannot read" }
    static let sparkMissing =
        "--engine spark needs Apache Spark: set SPARK_HOME, or put spark-sql or a python3 with pyspark on PATH (pip install pyspark; make installs it under .build-engines/venv)"
    static func sparkHomeUnusable(_ home: String) -> String {
        "--engine spark: SPARK_HOME is \(home), which holds no Spark (no jars folder), or python3 is not on PATH"
    }
    static let javaMissing =
        "--engine spark needs Java 17 or later for its JVM: set JAVA_HOME or put java on PATH (apt-get install openjdk-17-jre-headless), or use a Spark Connect server (spark=sc://HOST:15002)"
    static func sparkMaster(_ text: String) -> String {
        "--engine spark=\(text): not a Spark master URL; give local[*], local[N], spark://HOST:7077, yarn, k8s://URL or sc://HOST:15002"
    }
    static let sparkNeedsFiles = "--engine spark reads CSV files: give a folder or --leads and --touches (the demo data lives only in memory)"
    static func sparkFailed(_ master: String, _ detail: String) -> String { "Spark (\(master)) could not start: \(detail)" }
    static func sparkConnectRefused(_ url: String) -> String { "cannot connect to Spark Connect at \(url)" }
    static func sparkEnded(_ master: String) -> String { "the Spark session (\(master)) ended; run with --verbose to see Spark's output" }
    static func sparkTables(_ detail: String) -> String { "Spark could not read the data: \(detail)" }
    static func sparkStatement(_ detail: String) -> String { "spark: \(detail)" }
}

/// Why `--engine` named nothing leadq knows.
public enum EngineChoiceMessages {
    public static func unknown(_ name: String) -> String { EngineMessages.unknownEngine(name) }
    public static let postgresNeedsDatabase = EngineMessages.postgresNeedsDatabase
}

/// An engine that cannot start or answer: one line for the shell to print.
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(message: String) { self.message = message }
    public var description: String { message }
}
