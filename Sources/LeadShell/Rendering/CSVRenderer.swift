import Foundation
import LeadEngine
import LeadStore


/// Writes a result as RFC 4180 CSV: a header row, a field quoted only when it
/// holds a comma, quote or line break, null as an empty field, empty text as
/// `""`, raw values (ratios as decimals, durations in hours, ISO 8601 UTC).
struct CSVRenderer {
    var separator: Character = ","

    /// Writes the result in chunks of rows, so a long one is never one huge string.
    /// Text columns render each distinct value once.
    func write(_ table: ResultTable, to sink: (String) -> Void) {
        var out = table.columns.map { field($0.name, isText: true) }.joined(separator: String(separator)) + "\n"
        var rendered: [[String?]] = table.columns.map { column in
            if case .text(_, let dictionary) = column.values, dictionary.count <= 1 << 20 {
                return [String?](repeating: nil, count: dictionary.count)
            }
            return []
        }
        for row in 0..<table.rowCount {
            for (index, column) in table.columns.enumerated() {
                if index > 0 { out.append(separator) }
                if case .text(let codes, let dictionary) = column.values, !rendered[index].isEmpty {
                    let code = codes[row]
                    guard code != Null.textCode else { continue }
                    if rendered[index][Int(code)] == nil { rendered[index][Int(code)] = field(dictionary[code], isText: true) }
                    out += rendered[index][Int(code)]!
                    continue
                }
                let cell = column.cell(row)
                guard let text = ValueFormatter.raw(cell, in: column) else { continue }
                if case .text = cell { out += field(text, isText: true) } else { out += field(text, isText: false) }
            }
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
        let separatorByte = separator.asciiValue ?? 0x2C
        guard text.utf8.contains(where: { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
