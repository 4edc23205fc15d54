import Foundation
import LeadEngine
import LeadQuery

/// Showing and writing results: the output mode, `.once`, exports, the timer.
extension Shell {
    /// Shows a result in the current mode, or writes it to the `.once` file.
    func present(_ table: ResultTable, elapsed: String?, line: Int) -> Outcome {
        if let path = onceFile {
            onceFile = nil
            if let failure = export(table, to: path) { return fail(failure, line: line, column: 1) }
            return .ok
        }
        show(table, elapsed: elapsed)
        return .ok
    }

    /// Shows a result: in table mode a boxed table (at most 40 rows unless `all`), else the mode's format.
    func show(_ table: ResultTable, all: Bool = false, elapsed: String? = nil) {
        if mode == .table {
            var shown = table
            if !bands { shown.columns = shown.columns.map { var c = $0; c.bands = nil; return c } }
            let color = output.isTerminal && configuration.environment["NO_COLOR"] == nil && configuration.environment["TERM"] != "dumb"
            TableRenderer(color: color, maximumRows: all || !output.isTerminal ? nil : 40).render(shown, elapsed: elapsed).forEach(output.drawn)
        } else {
            mode.write(table, to: output.write)
            if let elapsed { output.message("time: \(elapsed)") }
        }
    }

    /// `.last`: the whole result (at most `TableRenderer.fullLimit` rows in a
    /// table); in table mode on a terminal, through `$PAGER` (default
    /// `less -FRX`) when it is longer than the terminal is high.
    func showInFull(_ table: ResultTable) {
        guard mode == .table, output.isTerminal, pager, let rows = Pager.terminalRows() else { return show(table, all: true) }
        var shown = table
        if !bands { shown.columns = shown.columns.map { var c = $0; c.bands = nil; return c } }
        let lines = TableRenderer(color: false, maximumRows: nil).render(shown)
        guard lines.count >= rows else { return show(table, all: true) }
        let command = configuration.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
        if !Pager.page(lines.joined(separator: "\n") + "\n", command: command) { lines.forEach(output.drawn) }
    }

    /// Writes a result to a file in the format its name asks for, atomically;
    /// returns what went wrong, if anything.
    func export(_ table: ResultTable, to path: String) -> String? {
        if Self.isReport(path) { return writeReport(table, to: path, append: false) }
        do {
            let interactive = editor != nil
            try AtomicFile.write(to: filePath(path), shouldStop: { interactive && Interrupt.pending() }) { sink in
                OutputMode.forFile(path).write(table, to: sink)
            }
        } catch {
            return error.description
        }
        if editor != nil { output.line(Messages.wrote(table.rowCount, to: path)) }
        return nil
    }

    /// Whether a statement is `set OPTION` alone, asking what is in force:
    /// its answer shows in scripts and `-c` too, where a change is silent.
    static func asksForSetting(_ text: String) -> Bool {
        guard case .set(_, let arguments)? = Parser.parse(text).statement?.kind else { return false }
        return arguments.isEmpty
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "%.1f ms", ms)
    }
}
