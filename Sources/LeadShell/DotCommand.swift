import Foundation
import LeadEngine
import LeadStore

/// A `.command` of the shell: its name, arguments, help, and what it does.
struct DotCommand: Sendable {
    let name: String
    let arguments: String
    let help: String
    let run: @Sendable (Shell, [String]) -> Shell.Outcome

    /// Every dot command, in the order `.help` lists them.
    static let all: [DotCommand] = [
        DotCommand(name: "help", arguments: "[kpis|language|periods|keys]", help: "this list, or a topic") { shell, arguments in
            if let topic = arguments.first {
                guard let lines = HelpTopics.lines(for: topic) else {
                    return shell.fail("no help on \(topic); topics: \(HelpTopics.names.joined(separator: ", "))", line: 1, column: 1)
                }
                lines.forEach(shell.output.line)
                return .ok
            }
            shell.output.line("Dot commands (.help kpis, .help language, .help periods, .help keys for more):")
            let usages = all.map { "." + $0.name + ($0.arguments.isEmpty ? "" : " " + $0.arguments) }
            let width = (usages.map(\.count).max() ?? 0) + 2
            for (usage, command) in zip(usages, all) {
                shell.output.line("  " + usage.padding(toLength: width, withPad: " ", startingAt: 0) + command.help)
            }
            return .ok
        },
        DotCommand(name: "open", arguments: "[DIR|demo]", help: "load DIR/leads.csv and DIR/touches.csv or the demo data; alone, reload") { shell, arguments in
            guard arguments.count <= 1 else { return shell.usage("open") }
            guard let name = arguments.first else { return shell.replaceSession(with: shell.location) }
            return shell.replaceSession(with: name == "demo" ? .demo : .folder(shell.filePath(name)))
        },
        DotCommand(name: "load", arguments: "leads|touches FILE [--map F=H …]", help: "replace the leads, or add touches") { shell, arguments in
            guard arguments.count >= 2, ["leads", "touches"].contains(arguments[0]) else { return shell.usage("load") }
            let options: FileOptions
            do {
                options = try DataArguments.options(Array(arguments.dropFirst(2)))
            } catch let error as DataArgumentError {
                return shell.fail(error.description, line: 1, column: 1)
            } catch {
                return .failed
            }
            return shell.load(arguments[0] == "leads" ? .leads : .touches, path: shell.filePath(arguments[1]), options: options)
        },
        DotCommand(name: "targets", arguments: "", help: "the KPI targets set with set target") { shell, _ in
            DataReports.targets(shell.session.settings).forEach(shell.output.line)
            return .ok
        },
        DotCommand(name: "schema", arguments: "", help: "tables, fields, types and derived fields") { shell, _ in
            DataReports.schema(shell.session).forEach(shell.output.line)
            return .ok
        },
        DotCommand(name: "check", arguments: "[touches]", help: "touches left out of follow-ups, nulls per column; .check touches lists every one") { shell, arguments in
            guard arguments.isEmpty || arguments == ["touches"] else { return shell.usage("check") }
            // Repeated touches and the touches shown are told by every column's values.
            if let failure = shell.readDeferredColumns() { return failure }
            guard arguments.isEmpty else {
                let engine = shell.session.executor.readsStore ? nil : DataReports.engineLeftOut(shell.session, limit: nil)
                guard shell.session.executor.readsStore || engine != nil else { return shell.fail(Messages.engineCheckFailed, line: 1, column: 1) }
                let table = engine ?? DataReports.leftOut(shell.session.store).table
                shell.lastResult = table
                return shell.present(table, elapsed: nil, line: 1)
            }
            if !shell.session.executor.readsStore {
                guard let lines = DataReports.engineCheck(shell.session) else { return shell.fail(Messages.engineCheckFailed, line: 1, column: 1) }
                lines.forEach(shell.output.line)
                return .ok
            }
            DataReports.check(shell.session).forEach(shell.output.line)
            return .ok
        },
        DotCommand(name: "summary", arguments: "", help: "what the last load read, and how long it took; business hours set") { shell, _ in
            (DataReports.summary(shell.session, countingTouches: true) + shell.session.businessSummaryLines).forEach(shell.output.line)
            return .ok
        },
        DotCommand(name: "mode", arguments: OutputMode.allCases.map(\.rawValue).joined(separator: "|"), help: "how results are shown") { shell, arguments in
            guard arguments.count == 1, let mode = OutputMode(rawValue: arguments[0].lowercased()) else {
                if arguments.isEmpty { shell.output.line(shell.mode.rawValue); return .ok }
                return shell.usage("mode")
            }
            shell.mode = mode
            return .ok
        },
        DotCommand(name: "export", arguments: "FILE", help: "write the last result (CSV; " + OutputMode.exportExtensions + " .html by name)") { shell, arguments in
            guard arguments.count == 1 else { return shell.usage("export") }
            guard let table = shell.lastResult else { return shell.fail("there is no result to export yet", line: 1, column: 1) }
            if let failure = shell.export(table, to: arguments[0]) { return shell.fail(failure, line: 1, column: 1) }
            return .ok
        },
        DotCommand(name: "once", arguments: "FILE", help: "write the next result to FILE instead of showing it") { shell, arguments in
            guard arguments.count == 1 else { return shell.usage("once") }
            shell.onceFile = arguments[0]
            return .ok
        },
        DotCommand(name: "read", arguments: "FILE", help: "run the statements in FILE") { shell, arguments in
            guard arguments.count == 1 else { return shell.usage("read") }
            return shell.read(arguments[0])
        },
        DotCommand(name: "defs", arguments: "", help: "named filters and measures made with let") { shell, _ in
            let definitions = shell.session.definitions.all
            if definitions.isEmpty { shell.output.line("no names yet: let smb = segment = \"SMB\" makes one") }
            for definition in definitions {
                shell.output.line("let \(definition.name) = \(definition.text)    -- \(definition.isMeasure ? "measure" : "filter")")
            }
            return .ok
        },
        DotCommand.chart,
        DotCommand.toggle("bands", \.bands, help: "marks on banded KPI cells (● excellent ◐ good ○ needs attention)"),
        DotCommand.toggle("timer", \.timer, help: "show how long each statement takes"),
        DotCommand(name: "last", arguments: "", help: "show the last result in full (through $PAGER when long)") { shell, _ in
            guard let table = shell.lastResult else { return shell.fail("there is no result yet", line: 1, column: 1) }
            shell.showInFull(table)
            return .ok
        },
        DotCommand.toggle("pager", \.pager, help: "page long results of .last through $PAGER"),
        DotCommand(name: "history", arguments: "", help: "statements entered at the prompt") { shell, _ in
            for (index, entry) in shell.historyEntries.enumerated() { shell.output.line("\(index + 1)  \(entry)") }
            return .ok
        },
        DotCommand(name: "quit", arguments: "", help: "leave leadq (Ctrl-D does too)") { _, _ in .quit },
    ]

    /// A `.name on|off` command that sets a switch of the shell.
    static func toggle(_ name: String, _ setting: ReferenceWritableKeyPath<Shell, Bool> & Sendable, help: String) -> DotCommand {
        DotCommand(name: name, arguments: "on|off", help: help) { shell, arguments in
            guard arguments.count == 1, ["on", "off"].contains(arguments[0]) else { return shell.usage(name) }
            shell[keyPath: setting] = arguments[0] == "on"
            return .ok
        }
    }

    static func named(_ name: String) -> DotCommand? {
        all.first { $0.name == name } ?? (name == "exit" ? all.first { $0.name == "quit" } : nil)
    }
}
