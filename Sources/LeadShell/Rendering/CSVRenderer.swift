import Foundation
import LeadEngine

/// Writes a result as RFC 4180 CSV: a header row, a field quoted only when it
/// holds a comma, quote or line break, null as an empty field, empty text as
/// `""`, raw values (ratios as decimals, durations in hours, ISO 8601 UTC).
struct CSVRenderer {
    var separator: Character = ","

    /// Writes the result in chunks of rows, so a long one is never one huge string.
    func write(_ table: ResultTable, to sink: (String) -> Void) {
        var out = table.columns.map { field($0.name, isText: true) }.joined(separator: String(separator)) + "\n"
        for row in 0..<table.rowCount {
            out += table.columns.map { column in
                let cell = column.cell(row)
                guard let text = ValueFormatter.raw(cell, in: column) else { return "" }
                if case .text = cell { return field(text, isText: true) }
                return field(text, isText: false)
            }.joined(separator: String(separator))
            out += "\n"
            if row % 4096 == 4095 {
                sink(out)
                out = ""
            }
        }
        sink(out)
    }

    func render(_ table: ResultTable) -> String {
        var out = ""
        write(table) { out += $0 }
        return out
    }

    private func field(_ text: String, isText: Bool) -> String {
        if isText && text.isEmpty { return "\"\"" }
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
