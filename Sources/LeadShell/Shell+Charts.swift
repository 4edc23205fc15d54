import Foundation
import LeadEngine
import LeadQuery
import LeadRender

/// What the shell remembers for charts and reports: whether every result
/// also draws (`.chart on`), the script being run (whose comment lines title
/// report sections), and the last statement (for `.export report.html`).
struct ChartSettings {
    var everyResult = false
    var scriptLines: [String] = []
    /// The line index (from 0) of `scriptLines[0]` in the script.
    var scriptStart = 0
    var lastStatement = ""
    var lastTitle: String?
}

/// Charts in the terminal and in files, and HTML reports.
extension Shell {
    /// Runs one `| …` after a statement; returns what went wrong, if anything.
    func perform(_ post: Post, on table: ResultTable) -> String? {
        switch post.kind {
        case .export(let path): return export(table, to: path)
        case .exportAppend(let path): return writeReport(table, to: path, append: true)
        case .chart(nil): return drawChart(table)
        case .chart(let path?): return writeChart(table, to: path)
        case .sql: return ShellChartMessages.sqlStandsAlone
        }
    }

    /// Remembers a statement that ran (without its `| …` parts), and the
    /// comment line just above it in the script.
    func noteStatement(_ text: String, posts: [Post], line: Int) {
        var query = text
        if let first = posts.first, first.range.start <= text.utf8.count {
            let utf8 = Array(text.utf8)[..<first.range.start]
            query = String(decoding: utf8, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if query.hasSuffix("|") { query.removeLast() }
        }
        var statement: [Substring] = [], title: String?
        for piece in query.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            if let comment = Self.comment(trimmed) { title = comment } else { statement.append(piece) }
        }
        let above = line - 2 - charts.scriptStart
        if title == nil, above >= 0, above < charts.scriptLines.count {
            title = Self.comment(charts.scriptLines[above].trimmingCharacters(in: .whitespaces))
        }
        charts.lastStatement = statement.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        charts.lastTitle = title
    }

    private static func comment(_ line: String) -> String? {
        for start in ["#", "--"] where line.hasPrefix(start) {
            return line.dropFirst(start.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// Draws a result in the terminal, or as text when output is a file or pipe.
    func drawChart(_ table: ResultTable) -> String? {
        let size = terminalSize()
        let environment = configuration.environment
        let color = output.isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        let style = ChartStyle(width: size.columns, height: size.lines, color: color, unicode: ChartStyle.unicode(environment: environment))
        do {
            // Labels from the data come escaped from the chart; its colours must reach the terminal.
            try TextChart(style: style).render(table).forEach(output.drawn)
        } catch {
            return error.description
        }
        return nil
    }

    /// The terminal's own size when output is one (a line kept for the prompt);
    /// else COLUMNS and LINES; else 80×24.
    func terminalSize() -> (columns: Int, lines: Int) {
        var size = winsize()
        if output.isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            return (Int(size.ws_col), max(6, Int(size.ws_row) - 1))
        }
        let environment = configuration.environment
        let columns = Int(environment["COLUMNS"] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 80
        let lines = Int(environment["LINES"] ?? "").flatMap { $0 > 0 ? $0 : nil } ?? 24
        return (columns, lines)
    }

    /// `| chart "file.svg"`: the chart as a standalone SVG file, written atomically.
    func writeChart(_ table: ResultTable, to path: String) -> String? {
        guard path.lowercased().hasSuffix(".svg") else { return ShellChartMessages.svgName(path) }
        let document: String
        do {
            document = try SVGChart().document(table)
        } catch {
            return error.description
        }
        return writeWhole(document, to: path, rows: nil)
    }

    /// `| export "report.html"` writes a new page; `| export append` adds a
    /// section to the page, creating it when missing.
    func writeReport(_ table: ResultTable, to path: String, append: Bool) -> String? {
        let section = ReportSection(title: charts.lastTitle, statement: charts.lastStatement, table: table)
        var page = HTMLReport.page(section)
        if append, FileManager.default.fileExists(atPath: path) {
            guard let existing = try? String(contentsOfFile: path, encoding: .utf8) else { return ShellChartMessages.cannotRead(path) }
            guard let appended = HTMLReport.appending(section, to: existing) else { return path + " " + RenderMessages.notAReport }
            page = appended
        }
        return writeWhole(page, to: path, rows: table.rowCount)
    }

    private func writeWhole(_ text: String, to path: String, rows: Int?) -> String? {
        do {
            try AtomicFile.write(to: path) { sink in sink(text) }
        } catch {
            return error.description
        }
        if editor != nil { output.line(ShellChartMessages.wrote(path, rows: rows)) }
        return nil
    }

    static func isReport(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }
}

extension DotCommand {
    /// `.chart` draws the last result; `.chart on|off` makes every result also draw.
    static let chart = DotCommand(name: "chart", arguments: "[on|off]", help: "draw the last result as a chart; on: every result also draws") { shell, arguments in
        guard let setting = arguments.first else {
            guard let table = shell.lastResult else { return shell.fail(ShellChartMessages.noResult, line: 1, column: 1) }
            if let failure = shell.drawChart(table) { return shell.fail(failure, line: 1, column: 1) }
            return .ok
        }
        guard arguments.count == 1, ["on", "off"].contains(setting) else { return shell.usage("chart") }
        shell.charts.everyResult = setting == "on"
        return .ok
    }
}

/// The shell's texts about charts and reports.
enum ShellChartMessages {
    static let sqlStandsAlone = "| sql shows the SQL instead of running the statement; write it alone"
    static let noResult = "there is no result to chart yet"
    static func svgName(_ path: String) -> String { "charts are written as SVG: name the file with .svg, not \(path)" }
    static func cannotRead(_ path: String) -> String { "cannot read \(path) to append to it" }
    static func wrote(_ path: String, rows: Int?) -> String {
        guard let rows else { return "wrote the chart to \(path)" }
        return "wrote \(rows) row\(rows == 1 ? "" : "s") to \(path)"
    }
}
