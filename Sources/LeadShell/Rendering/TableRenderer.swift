import LeadEngine
import LeadStore

/// Draws a result as a boxed, aligned table for a terminal: numbers on the
/// right, null as `—`, banded KPI cells with a mark that reads without colour
/// (● excellent, ◐ good, ○ needs attention), and a footer with the row count.
/// A cell's control characters and line breaks show as escapes (`\n`, `\e`),
/// so every row stays one line and data cannot act on the terminal. At most
/// `fullLimit` rows are ever drawn: the footer says so, and CSV or an export
/// gives every row.
struct TableRenderer {
    var color = false
    /// At most this many rows are drawn; nil draws as many as `fullLimit` allows.
    var maximumRows: Int? = 40

    /// The most rows a table draws, so a huge result takes bounded time and memory.
    static let fullLimit = 10_000

    func render(_ table: ResultTable, elapsed: String? = nil) -> [String] {
        let shownRows = min(table.rowCount, maximumRows ?? Self.fullLimit, Self.fullLimit)
        let headers = table.columns.map { ControlEscapes.escape($0.name) }
        var cells: [[String]] = []
        var marks: [[Band?]] = []
        var cutCells = 0
        func clipped(_ value: String) -> String {
            let first = DisplayWidth.clipped(value)
            let escaped = DisplayWidth.clipped(ControlEscapes.escape(first.text))
            if first.cut || escaped.cut { cutCells += 1 }
            return escaped.text
        }
        for row in 0..<shownRows {
            cells.append(table.columns.map { column in
                let text = ValueFormatter.display(column.cell(row), in: column).map(clipped) ?? "—"
                guard let band = column.bands?[row] else { return text }
                return text + " " + Self.mark(band)
            })
            marks.append(table.columns.map { $0.bands?[row] })
        }
        let rightAligned = table.columns.map { column -> Bool in
            switch column.kind {
            case .text, .bucket, .timestamp, .boolean, .labels: false
            default: true
            }
        }
        let widths = headers.indices.map { c in
            max(DisplayWidth.of(headers[c]), cells.map { DisplayWidth.of($0[c]) }.max() ?? 0)
        }
        func line(_ left: String, _ middle: String, _ right: String) -> String {
            left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
        }
        var lines = [line("┌", "┬", "┐")]
        lines.append("│" + headers.indices.map { " " + DisplayWidth.pad(headers[$0], to: widths[$0], right: rightAligned[$0]) + " " }.joined(separator: "│") + "│")
        lines.append(line("├", "┼", "┤"))
        for (r, row) in cells.enumerated() {
            let drawn = row.indices.map { c -> String in
                let padded = DisplayWidth.pad(row[c], to: widths[c], right: rightAligned[c])
                guard color, let band = marks[r][c] else { return " " + padded + " " }
                return " " + Self.colored(padded, band) + " "
            }
            lines.append("│" + drawn.joined(separator: "│") + "│")
        }
        lines.append(line("└", "┴", "┘"))
        var footer = Quantity.counted(table.rowCount, "row", "rows")
        if shownRows < table.rowCount { footer += Self.cut(shown: shownRows, of: table.rowCount) }
        if cutCells > 0 {
            footer += " · \(Quantity.counted(cutCells, "cell", "cells")) cut at \(Quantity.grouped(DisplayWidth.cellLimit)) columns with …; .mode csv gives every character"
        }
        if let elapsed { footer += " · " + elapsed }
        if table.columns.contains(where: { $0.bands != nil }) { footer += " · ● excellent ◐ good ○ needs attention" }
        lines.append(footer)
        return lines
    }

    /// What the footer says of rows left out.
    static func cut(shown: Int, of rows: Int) -> String {
        let shownText = Quantity.grouped(shown)
        if shown == fullLimit { return " (first \(shownText) shown) — .mode csv or | export \"FILE\" gives every row" }
        if rows <= fullLimit { return " (\(shownText) shown) — .last shows all" }
        return " (\(shownText) shown) — .last shows \(Quantity.grouped(fullLimit)), | export \"FILE\" every row"
    }

    static func mark(_ band: Band) -> String {
        switch band {
        case .excellent: "●"
        case .good: "◐"
        case .attention: "○"
        }
    }

    private static func colored(_ text: String, _ band: Band) -> String {
        let code = switch band {
        case .excellent: "32"
        case .good: "33"
        case .attention: "31"
        }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }
}
