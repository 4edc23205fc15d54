import ArgumentParser
import Foundation
import LeadPostgres
import LeadShell
import LeadGen
import LeadStore

/// `leadq`: a query shell for sales follow-up analytics. With no
/// subcommand it opens data and runs the shell; `leadq gen` writes generated data.
@main
struct LeadQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leadq",
        abstract: "A query shell for sales follow-up analytics.",
        usage: """
            leadq [DIR | --leads FILE [--touches FILE …] …] [options]
            leadq --events FILE --created WORD,… [--converted WORD,…] [options]
            leadq gen --out DIR [--leads N] [--seed N] [--force]
            """,
        discussion: """
            DIR is a folder holding leads.csv and touches.csv (or a script ending
            in .lq); with no data arguments leadq opens built-in demo data.

            DATA OPTIONS:
              --leads <file>          The leads CSV file.
              --touches <file>        A touches CSV file (repeat: calls, emails, …).
              --events <file>         A status-change log, read as leads and touches.
              --conversions <file>    A deals export (lead id, date): converted_at.
              --map <field=Header>    Read the field from this column.
              --const <field=value>   Give every row this value of the field.
              --inbound <word,…>      Direction values that mean inbound.
              --outbound <word,…>     Direction values that mean outbound.
              --date-format <format>  The order of a date's parts, e.g. DD-MM-YYYY.
              --created <word,…>      Statuses of --events that create a lead.
              --qualified <word,…>    Statuses of --events that qualify a lead.
              --converted <word,…>    Statuses of --events that convert a lead.

            --map, --const, --inbound, --outbound and --date-format written after
            a file option apply to that file; written before the first file
            option they apply to every file that has the header.

            Examples:
              leadq                      open the demo data
              leadq exports/             open exports/leads.csv, exports/touches.csv
              leadq --leads Leads.csv --touches Calls.csv --touches Events.csv
              leadq --leads l.csv --map created_at="Signup Time" --touches t.csv
              leadq --leads l.csv --touches calls.csv --const channel=call
              leadq exports/ -c 'rate by month' --format json
              leadq -f weekly.lq         run a script (or: leadq weekly.lq)
              leadq gen --leads 100000 --out /tmp/data
            """,
        version: Version.current,
        subcommands: [Generate.self]
    )

    /// Runs the command; a usage error exits with status 2, as data-file errors do.
    static func main() {
        Interrupt.prepareProcess()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            // `gen` has options of its own (`--leads N`); `help gen` asks for its help.
            let (data, rest) = ["gen", "help"].contains(arguments.first)
                ? (DataArguments(), arguments)
                : try DataArguments.split(arguments, valueOptions: ["-c", "-f", "--format", "--tz", "--engine", "--db", "--leads-table", "--touches-table", "--leads-query", "--touches-query"])
            var command = try parseAsRoot(rest)
            if let root = command as? LeadQ {
                try root.open(data)
            } else {
                try command.run()
            }
        } catch let error as DataArgumentError {
            usageError(ValidationError(error.description))
        } catch {
            if exitCode(for: error) == .validationFailure { usageError(error) }
            exit(withError: error)
        }
    }

    private static func usageError(_ error: Error) -> Never {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
    }

    // The data options and the folder are taken out of the arguments, grouped
    // by file, by `DataArguments` before the rest is parsed here; the
    // discussion above lists them.

    @Option(name: .customShort("c"), help: ArgumentHelp("Run a statement and exit (repeatable).", valueName: "statement"))
    var command: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run a script file and exit.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("Output format: \(OutputMode.namesInWords) (default: table on a terminal, else csv).", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("The time zone: an IANA name (Europe/Berlin), UTC or an offset (+05:30); times without an offset in the data are read in it.", valueName: "zone"))
    var tz: String?

    @Option(help: ArgumentHelp("Answer statements with an engine: duckdb (the duckdb program on PATH, over the CSV files), postgres (in the --db database), spark or spark=MASTER (local[*], spark://HOST:7077, yarn, sc://HOST:15002).", valueName: "engine"))
    var engine: String?

    @Flag(help: "Show an engine's own output in full: Spark's log and errors, PostgreSQL's DETAIL, HINT and CONTEXT.")
    var verbose = false

    @Option(help: ArgumentHelp("Load from PostgreSQL: a libpq connection string or URI (PG* variables and ~/.pgpass apply, as in psql).", valueName: "conninfo"))
    var db: String?

    @Option(help: ArgumentHelp("With --db, the table (or view) of leads (default: leads); with --engine spark and no --db, a table of the Spark session.", valueName: "table"))
    var leadsTable: String?

    @Option(help: ArgumentHelp("With --db, the table (or view) of touches (default: touches, when it exists); with --engine spark and no --db, a table of the Spark session.", valueName: "table"))
    var touchesTable: String?

    @Option(help: ArgumentHelp("With --db, a query whose rows are the leads.", valueName: "SELECT …"))
    var leadsQuery: String?

    @Option(help: ArgumentHelp("With --db, a query whose rows are the touches.", valueName: "SELECT …"))
    var touchesQuery: String?

    @Flag(help: "Do not run ~/.leadqrc at start.")
    var noInit = false

    func validate() throws {
        if let format, OutputMode(rawValue: format.lowercased()) == nil {
            throw ValidationError("--format \(format): choose \(OutputMode.namesInWords)")
        }
        try validateDatabase()
        if let tz {
            do { _ = try ZoneRules.named(tz) } catch { throw ValidationError("--tz \(tz): \(error.message)") }
        }
    }

    /// Opens the data the arguments name and runs the shell.
    func open(_ data: DataArguments) throws {
        var script = file
        var folder = data.folder
        if let name = folder, name.hasSuffix(".lq") && script == nil {
            script = name
            folder = nil
        }
        var location = try DataLocation.named(folder: folder, data: data) ?? .demo
        if let db {
            guard location == .demo else { throw ValidationError("give either --db or data files, not both") }
            location = .database(
                conninfo: db, leads: leadsQuery.map(PostgresSource.query) ?? .table(leadsTable ?? "leads"),
                touches: touchesQuery.map(PostgresSource.query) ?? touchesTable.map(PostgresSource.table))
        } else if leadsTable != nil || touchesTable != nil {
            guard location == .demo else { throw ValidationError("give either --leads-table and --touches-table or data files, not both") }
            location = .sparkTables(leads: leadsTable ?? "leads", touches: touchesTable)
        }
        var configuration = Shell.Configuration(
            location: location, shared: data.shared, commands: command, script: script,
            format: format.flatMap { OutputMode(rawValue: $0.lowercased()) })
        configuration.noInit = noInit
        if let tz, let zone = try? ZoneRules.named(tz) { configuration.zone = zone }
        configuration.engine = engine
        configuration.verbose = verbose
        let status = Shell.run(configuration)
        if status != .success { Foundation.exit(status.rawValue) }
    }
}

/// `leadq gen`: writes generated data.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen", abstract: "Write generated leads.csv and touches.csv (about ten touches per lead).")

    @Option(help: "How many leads.")
    var leads: Int = 10_000

    @Option(help: "The folder to write into (created when missing).")
    var out: String

    @Option(help: "The random seed; the same seed gives the same files.")
    var seed: UInt64 = 42

    @Flag(help: "Replace leads.csv and touches.csv when the folder has them.")
    var force = false

    @Option(help: "export: a touch_id per touch, touches in time order, lead ids scattered (as CRM exports come); grouped: each lead's touches together, lead ids in order.")
    var layout: LeadGenerator.Layout = .export

    func validate() throws {
        guard leads > 0, leads <= 100_000_000 else { throw ValidationError("--leads must be between 1 and 100,000,000") }
    }

    func run() throws {
        let start = Date()
        var slots: [String: Int?] = [:]
        do {
            try LeadGenerator(leadCount: leads, seed: seed, layout: layout).write(to: out, replacing: force) { path, made in
                if made { slots[path] = PendingFiles.add(path) } else if let slot = slots.removeValue(forKey: path) ?? nil { PendingFiles.remove(slot) }
            }
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(2)
        }
        let seconds = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data(String(format: "wrote %@ leads to %@ in %.1f s\n", Quantity.grouped(leads), out, seconds).utf8))
    }
}

extension LeadGenerator.Layout: ExpressibleByArgument {}
