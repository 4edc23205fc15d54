import CEditLine
import Foundation
import LeadEngine
import LeadQuery
import LeadQuery
import LeadStore

/// The shell: runs statements from the prompt, from `-c`, from script files
/// and from piped input, against one session.
public final class Shell {
    /// How a statement ended.
    enum Outcome { case ok, failed, quit }

    public struct Configuration: Sendable {
        public var location: DataLocation
        /// Data options written before the first file: kept for `.open`.
        public var shared: FileOptions
        public var commands: [String]
        public var script: String?
        /// The output mode asked for; nil chooses a table on a terminal and CSV elsewhere.
        public var format: OutputMode?
        /// Whether to skip `~/.leadqrc`.
        public var noInit = false
        /// `--tz`: the session's zone, which also reads the data's times written without an offset.
        public var zone = ZoneRules.utc
        public var environment: [String: String]
        /// `--engine duckdb`: what answers statements instead of memory.
        public var engine: String?
        /// `--verbose`: Spark's own log and errors, PostgreSQL's DETAIL, HINT and CONTEXT.
        public var verbose = false

        public init(location: DataLocation, shared: FileOptions = FileOptions(), commands: [String] = [], script: String? = nil,
                    format: OutputMode? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.location = location
            self.shared = shared
            self.commands = commands
            self.script = script
            self.format = format
            self.environment = environment
        }
    }

    /// Exit statuses: 0 success, 1 a statement failed, 2 usage or data-file errors.
    public enum ExitStatus: Int32 { case success = 0, statementFailed = 1, dataError = 2 }

    let output = Output()
    var session: Session
    let configuration: Configuration
    /// The data the session was loaded from, for `.open` with no folder.
    var location: DataLocation
    var editor: LineEditor?
    var source = "<stdin>"
    /// The last result shown, for `.last` and `.export`.
    var lastResult: ResultTable?
    /// How results are shown.
    var mode: OutputMode = .csv
    /// Whether `.timer on` is in force.
    var timer = false
    /// Whether banded KPI cells carry their mark (`.bands`).
    var bands = true
    /// Whether `.last` pages long results (`.pager`).
    var pager = true
    /// Where the next result goes instead of the screen (`.once`).
    var onceFile: String?
    /// `.chart on`, and what titles report sections.
    var charts = ChartSettings()
    /// How many `.read` files are running inside one another.
    var readDepth = 0

    init(session: Session, configuration: Configuration) {
        self.session = session
        self.configuration = configuration
        location = configuration.location
        mode = configuration.format ?? (output.isTerminal ? .table : .csv)
    }

    /// Opens the data and runs what the configuration asks; returns the exit status.
    public static func run(_ configuration: Configuration) -> ExitStatus {
        // A closed pipe or a file-size limit shows up as a failed write; signals remove temporary files.
        Interrupt.prepareProcess()
        let output = Output()
        let interactive = configuration.commands.isEmpty && configuration.script == nil && isatty(STDIN_FILENO) == 1
        var session: Session
        if interactive { Interrupt.install() }
        let progress = ProgressBar()
        do {
            var opened = try configuration.location.open(
                shared: configuration.shared, zone: configuration.zone, progress: interactive ? progress.callback : nil,
                schemaOnly: EngineChoice.holdsData(configuration.engine), verbose: configuration.verbose)
            opened.settings.zone = configuration.zone
            session = opened
            progress.finish()
        } catch {
            progress.finish()
            output.message(error.description)
            return .dataError
        }
        if let failure = EngineChoice.attach(configuration.engine, to: &session, location: configuration.location, shared: configuration.shared, verbose: configuration.verbose) { output.message(failure); return .dataError }
        if !interactive { session.store.summary.warnings.forEach { output.message("warning: " + $0) } }
        let shell = Shell(session: session, configuration: configuration)
        if !configuration.noInit, let home = configuration.environment["HOME"] {
            let rc = (home as NSString).appendingPathComponent(".leadqrc")
            if FileManager.default.fileExists(atPath: rc), let text = try? String(contentsOfFile: rc, encoding: .utf8) {
                shell.source = rc
                let status = shell.runScript(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                if status != .success { return status }
                shell.source = "<stdin>"
            }
        }
        if !configuration.commands.isEmpty {
            for (index, command) in configuration.commands.enumerated() {
                shell.source = configuration.commands.count == 1 ? "-c" : "-c #\(index + 1)"
                switch shell.runText(command, firstLine: 1) {
                case .ok: continue
                case .failed: return .statementFailed
                case .quit: return .success
                }
            }
            return .success
        }
        if let script = configuration.script {
            guard let text = try? String(contentsOfFile: script, encoding: .utf8) else {
                output.message("\(script): error: cannot read the script")
                return .dataError
            }
            shell.source = script
            return shell.runScript(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        if !interactive {
            return shell.runScript { readLine(strippingNewline: true) }
        }
        return shell.runInteractive()
    }

    /// `.read FILE`: runs a script's statements here, stopping at the first error.
    func read(_ path: String) -> Outcome {
        guard readDepth < Self.readDepthLimit else {
            return fail("cannot read \(path): .read is nested more than \(Self.readDepthLimit) deep (does a file read itself?)", line: 1, column: 1)
        }
        guard let text = try? String(contentsOfFile: filePath(path), encoding: .utf8) else {
            return fail("cannot read \(path)", line: 1, column: 1)
        }
        let saved = (source, editor)
        source = path
        editor = nil
        readDepth += 1
        defer { (source, editor) = saved; readDepth -= 1 }
        switch runScript(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)) {
        case .success: return .ok
        default: return .failed
        }
    }

    /// Runs lines as a script, statement by statement, stopping at the first error.
    func runScript(_ lines: [String]) -> ExitStatus {
        var iterator = lines.makeIterator()
        return runScript { iterator.next() }
    }

    /// Runs lines as they come, each statement as soon as it is complete,
    /// keeping only the statement being read and the line above it.
    func runScript(next: () -> String?) -> ExitStatus {
        let saved = (charts.scriptLines, charts.scriptStart)
        (charts.scriptLines, charts.scriptStart) = ([], 0)
        defer { (charts.scriptLines, charts.scriptStart) = saved }
        var pending = ""
        var startLine = 1, number = 0
        while let line = next() {
            number += 1
            if pending.isEmpty {
                startLine = number
                charts.scriptLines = charts.scriptLines.suffix(1)
                charts.scriptStart = number - 1 - charts.scriptLines.count
            }
            charts.scriptLines.append(line)
            pending += pending.isEmpty ? line : "\n" + line
            guard StatementBoundary.isComplete(pending) else { continue }
            let text = pending
            pending = ""
            switch runText(text, firstLine: startLine) {
            case .ok: continue
            case .failed: return .statementFailed
            case .quit: return .success
            }
        }
        if !pending.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return runText(pending, firstLine: startLine) == .failed ? .statementFailed : .success
        }
        return .success
    }

    private func runInteractive() -> ExitStatus {
        editor = LineEditor(historyPath: LineEditor.defaultHistoryPath(environment: configuration.environment)) { [output] in
            output.message($0)
        }
        editor?.completer = { [unowned self] line in Completer(session: self.session).complete(line) }
        output.line("leadq \(Version.current) on \(session.dataDescription)")
        DataReports.summary(session).forEach(output.line)
        output.line("Type .help for commands, Ctrl-D to leave.")
        var pending = ""
        while true {
            let prompt = pending.isEmpty ? "leadq> " : "   ...> "
            guard let editor else { return .success }
            switch editor.read(prompt: prompt) {
            case .end:
                if pending.isEmpty { return .success }
                pending = ""
            case .interrupted:
                pending = ""
            case .line(let line):
                pending += pending.isEmpty ? line : "\n" + line
                guard StatementBoundary.isComplete(pending) else { continue }
                let text = pending
                pending = ""
                editor.record(text)
                if runText(text, firstLine: 1) == .quit { return .success }
            }
        }
    }

    /// Runs every statement of a complete text.
    func runText(_ text: String, firstLine: Int) -> Outcome {
        for piece in StatementBoundary.split(text) {
            let outcome = runStatement(piece.text, line: firstLine + piece.line - 1)
            if outcome != .ok { return outcome }
        }
        return .ok
    }

    private func runStatement(_ text: String, line: Int) -> Outcome {
        let statement = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if statement.hasPrefix(".") {
            let words = ShellWords.split(String(statement.dropFirst()))
            guard let name = words.first else { return .ok }
            guard let command = DotCommand.named(name) else {
                let names = DotCommand.all.map(\.name)
                let suggestion = NameMatcher.nearest(to: name, in: names).map { NameMatcher.didYouMean("." + $0) } ?? "; .help lists them"
                return fail("unknown command .\(name)\(suggestion)", line: line, column: 1)
            }
            return command.run(self, Array(words.dropFirst()))
        }
        return runQuery(text, line: line)
    }

    /// Runs a statement of the language and shows what it gives.
    private func runQuery(_ text: String, line: Int) -> Outcome {
        let place = editor == nil ? source : nil
        let started = ContinuousClock.now
        if editor != nil { Interrupt.take() }
        let interruptible: (@Sendable () -> Bool)? = editor == nil ? nil : Interrupt.pending
        let reading = ReadingBars()
        let outcome = session.run(text, isCancelled: interruptible, reading: editor == nil ? nil : reading.start)
        reading.finish()
        let elapsed = timer ? Self.milliseconds(since: started) : nil
        switch outcome {
        case .failure(let diagnostic):
            DiagnosticPrinter.lines(diagnostic, source: text, place: place, firstLine: line, escaping: output.errorIsTerminal).forEach(output.message)
            return .failed
        case .success(.done(let message)):
            if editor != nil || Self.asksForSetting(text) { output.line(message) }
            return .ok
        case .success(.sql(let plan)):
            return showSQL(plan, source: text, place: place, line: line)
        case .success(.table(let table, let posts)):
            for warning in table.warnings {
                DiagnosticPrinter.lines(warning, source: text, place: place, firstLine: line, escaping: output.errorIsTerminal).forEach(output.message)
            }
            lastResult = table
            noteStatement(text, posts: posts, line: line)
            if posts.isEmpty {
                let outcome = present(table, elapsed: elapsed, line: line)
                if outcome == .ok, charts.everyResult, let failure = drawChart(table) { output.message(failure) }
                return outcome
            }
            for post in posts {
                if let failure = perform(post, on: table) {
                    return fail(failure, line: line + post.range.line - 1, column: post.range.column)
                }
            }
            if timer { output.message("time: \(Self.milliseconds(since: started))") }
            return .ok
        }
    }

    /// Reports an error at a place in the current source.
    func fail(_ message: String, line: Int, column: Int) -> Outcome {
        let place = editor == nil ? "\(source):\(line):\(column): " : ""
        output.message("\(place)error: \(message)")
        return .failed
    }

    func usage(_ name: String) -> Outcome {
        let command = DotCommand.named(name)!
        return fail("usage: .\(command.name) \(command.arguments)", line: 1, column: 1)
    }

    var historyEntries: [String] { editor?.entries ?? [] }
}
