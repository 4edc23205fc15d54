import Foundation
import LeadEngine

/// A Markdown table with values as people read them (`87.3%`, `5.2h`), numbers
/// aligned right, `|` inside a value escaped, a line break as a space, null as `—`.
struct MarkdownRenderer {
    /// Writes the result in chunks of rows, so a long one is never one huge string.
    func write(_ table: ResultTable, to sink: (String) -> Void) {
        func escape(_ text: String) -> String {
            guard text.utf8.contains(where: { $0 == 0x7C || $0 == 0x0A || $0 == 0x0D }) else { return text }
            return text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
                .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        }
        var out = "| " + table.columns.map { escape($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { column -> String in
            switch column.kind {
            case .text, .bucket, .timestamp: "---"
            default: "---:"
            }
        }.joined(separator: "|") + "|\n"
        for row in 0..<table.rowCount {
            out += "| " + table.columns.map { column in
                var text = ValueFormatter.display(column.cell(row), in: column) ?? "—"
                if let band = column.bands?[row] { text += " " + TableRenderer.mark(band) }
                return escape(text)
            }.joined(separator: " | ") + " |\n"
            if row % 4096 == 4095 {
                sink(out)
                out = ""
            }
        }
        sink(out)
    }
}
