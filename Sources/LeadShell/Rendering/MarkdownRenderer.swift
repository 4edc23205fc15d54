import Foundation
import LeadEngine
import LeadStore

/// A Markdown table with values as people read them (`87.3%`, `5.2h`), numbers
/// aligned right, `|` inside a value escaped, a line break as a space, null as `—`.
struct MarkdownRenderer {
    /// Writes the result in chunks of rows, so a long one is never one huge
    /// string; a text column's values are formatted once each, not once per row.
    func write(_ table: ResultTable, to sink: (String) -> Void) {
        var out = "| " + table.columns.map { Self.escape($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { column -> String in
            switch column.kind {
            case .text, .bucket, .timestamp, .boolean, .labels: "---"
            default: "---:"
            }
        }.joined(separator: "|") + "|\n"
        var cells = table.columns.map(MarkdownCells.init)
        for row in 0..<table.rowCount {
            out += "| "
            for index in cells.indices {
                if index > 0 { out += " | " }
                out += cells[index].text(row)
            }
            out += " |\n"
            if row % 4096 == 4095 {
                sink(out)
                out = ""
            }
        }
        sink(out)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x7C || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}

/// The Markdown text of one column's cells; dictionary text is formatted
/// once per distinct value.
private struct MarkdownCells {
    let column: ResultColumn
    private let codes: [UInt32]?
    private var formatted: [String?] = []

    init(_ column: ResultColumn) {
        self.column = column
        if case .text(let codes, let dictionary) = column.values, column.bands == nil, dictionary.count <= 1 << 20 {
            self.codes = codes
            formatted = Array(repeating: nil, count: dictionary.count)
        } else {
            codes = nil
        }
    }

    mutating func text(_ row: Int) -> String {
        if let codes {
            let code = codes[row]
            guard code != Null.textCode else { return "—" }
            if let text = formatted[Int(code)] { return text }
            let text = render(row)
            formatted[Int(code)] = text
            return text
        }
        return render(row)
    }

    private func render(_ row: Int) -> String {
        var text = ValueFormatter.display(column.cell(row), in: column) ?? "—"
        if let band = column.bands?[row] { text += " " + TableRenderer.mark(band) }
        return MarkdownRenderer.escape(text)
    }
}
