import ArgumentParser
import Foundation
import LeadShell
import LeadStore

/// `leadq`: a query shell for sales follow-up analytics.
@main
struct LeadQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leadq",
        abstract: "A query shell for sales follow-up analytics.",
        discussion: """
            With no data arguments leadq opens built-in demo data.

            Examples:
              leadq                                   open the demo data
              leadq exports/                          open exports/leads.csv and exports/touches.csv
              leadq --leads Leads.csv --touches Calls.csv --touches Events.csv
              leadq --leads l.csv --touches t.csv --map created_at="Signup Time"
              leadq exports/ -c 'rate by month' --format json
              leadq -f weekly.lq                      run a script (or: leadq weekly.lq)
              leadq gen --leads 100000 --out /tmp/data
            """,
        version: Version.current,
        subcommands: [Open.self, Generate.self],
        defaultSubcommand: Open.self
    )

    /// Runs the command; a usage error exits with status 2, as data-file errors do.
    static func main() {
        Interrupt.prepareProcess()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Opens data and runs the shell (the default subcommand).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open data and run the shell (the default).")

    @Argument(help: "A folder holding leads.csv and touches.csv.")
    var folder: String?

    @Option(help: "The leads CSV file.")
    var leads: String?

    @Option(help: "A touches CSV file (repeat for calls, emails, meetings …).")
    var touches: [String] = []

    @Option(help: ArgumentHelp("Read the field from this column: --map target=Header (repeatable).", valueName: "target=Header"))
    var map: [String] = []

    @Option(name: .customLong("date-format"), help: ArgumentHelp(
        "The order of dates of three numbers: DD-MM-YYYY, MM-DD-YYYY or YYYY-MM-DD (after --touches FILE, for that file).",
        valueName: "format"))
    var dateFormat: [String] = []

    @Option(name: .customShort("c"), help: ArgumentHelp("Run a statement and exit (repeatable).", valueName: "statement"))
    var command: [String] = []

    @Option(name: .customShort("f"), help: ArgumentHelp("Run a script file and exit.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("Output format: table, csv, tsv, json, jsonl or markdown (default: table on a terminal, else csv).", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("The time zone: an IANA name (Europe/Berlin), UTC or an offset (+05:30); times without an offset in the data are read in it.", valueName: "zone"))
    var tz: String?

    @Flag(help: "Do not run ~/.leadqrc at start.")
    var noInit = false

    func validate() throws {
        if folder != nil && (leads != nil || !touches.isEmpty) {
            throw ValidationError("give either a folder or --leads/--touches, not both")
        }
        if leads == nil && !touches.isEmpty {
            throw ValidationError("--touches needs --leads")
        }
        if let format, OutputMode(rawValue: format.lowercased()) == nil {
            throw ValidationError("--format \(format): choose table, csv, tsv, json, jsonl or markdown")
        }
        if let tz {
            do { _ = try ZoneRules.named(tz) } catch { throw ValidationError("--tz \(tz): \(error.message)") }
        }
        if folder != nil && !dateFormat.isEmpty {
            throw ValidationError("--date-format goes with --leads and --touches")
        }
        for format in dateFormat where DateOrder(format: format) == nil {
            throw ValidationError("--date-format \(format): use \(DateOrder.accepted)")
        }
        for argument in map where FieldMapping(argument: argument) == nil {
            throw ValidationError("--map \(argument): write it as target=Header, e.g. --map created_at=\"Create Date\"")
        }
    }

    func run() throws {
        var script = file
        var location = DataLocation.demo
        if let folder {
            if folder.hasSuffix(".lq") && script == nil {
                script = folder
            } else {
                location = .folder(folder)
            }
        } else if let leads {
            let (shared, own) = Self.mappingsByTouchFile(CommandLine.arguments)
            let formats = Self.dateFormatsByTouchFile(CommandLine.arguments)
            location = .files(leads: leads, touches: touches, touchMappings: own, dateFormat: formats.shared,
                              touchDateFormats: formats.own)
            configuration(mappings: shared, location: location, script: script)
            return
        }
        configuration(mappings: map.compactMap(FieldMapping.init(argument:)), location: location, script: script)
    }

    /// `--map` options before the first `--touches` apply to every file; those
    /// after a `--touches FILE` apply to that file only.
    static func mappingsByTouchFile(_ arguments: [String]) -> (shared: [FieldMapping], own: [[FieldMapping]]) {
        var shared: [FieldMapping] = [], own: [[FieldMapping]] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            func value(_ option: String) -> String? {
                if argument == option, index + 1 < arguments.count {
                    index += 1
                    return arguments[index]
                }
                return argument.hasPrefix(option + "=") ? String(argument.dropFirst(option.count + 1)) : nil
            }
            if value("--touches") != nil {
                own.append([])
            } else if let text = value("--map"), let mapping = FieldMapping(argument: text) {
                if own.isEmpty { shared.append(mapping) } else { own[own.count - 1].append(mapping) }
            } else if ["-c", "-f", "--leads", "--format", "--tz"].contains(argument) {
                index += 1
            }
            index += 1
        }
        return (shared, own)
    }

    /// `--date-format` before the first `--touches` applies to every file; one
    /// after a `--touches FILE` applies to that file only.
    static func dateFormatsByTouchFile(_ arguments: [String]) -> (shared: String?, own: [String?]) {
        var shared: String?, own: [String?] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            func value(_ option: String) -> String? {
                if argument == option, index + 1 < arguments.count {
                    index += 1
                    return arguments[index]
                }
                return argument.hasPrefix(option + "=") ? String(argument.dropFirst(option.count + 1)) : nil
            }
            if value("--touches") != nil {
                own.append(nil)
            } else if let format = value("--date-format") {
                if own.isEmpty { shared = format } else { own[own.count - 1] = format }
            } else if ["-c", "-f", "--leads", "--format", "--map"].contains(argument) {
                index += 1
            }
            index += 1
        }
        return (shared, own)
    }

    private func configuration(mappings: [FieldMapping], location: DataLocation, script: String?) {
        var configuration = Shell.Configuration(
            location: location, mappings: mappings, commands: command, script: script,
            format: format.flatMap { OutputMode(rawValue: $0.lowercased()) })
        configuration.noInit = noInit
        if let tz, let zone = try? ZoneRules.named(tz) { configuration.zone = zone }
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

    func validate() throws {
        guard leads > 0, leads <= 100_000_000 else { throw ValidationError("--leads must be between 1 and 100,000,000") }
    }

    func run() throws {
        let start = Date()
        var slots: [String: Int?] = [:]
        do {
            try LeadGenerator(leadCount: leads, seed: seed).write(to: out, replacing: force) { path, made in
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
