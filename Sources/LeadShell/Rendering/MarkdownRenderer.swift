import Foundation
import LeadEngine

/// A Markdown table with values as people read them (`87.3%`, `5.2h`), numbers
/// aligned right, `|` inside a value escaped, null as `—`.
struct MarkdownRenderer {
    func render(_ table: ResultTable) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
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
        }
        return out
    }
}
