import LeadEngine

/// Tab-separated values: a header row, raw values, null as an empty field;
/// a tab, line break or backslash inside a value is written `\t`, `\n`, `\\`.
struct TSVRenderer {
    /// Writes the result in chunks of rows.
    func write(_ table: ResultTable, to sink: (String) -> Void) {
        var out = table.columns.map { escape($0.name) }.joined(separator: "\t") + "\n"
        for row in 0..<table.rowCount {
            out += table.columns.map { column in
                ValueFormatter.raw(column.cell(row), in: column).map(escape) ?? ""
            }.joined(separator: "\t") + "\n"
            if row % 4096 == 4095 {
                sink(out)
                out = ""
            }
        }
        sink(out)
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.append(character)
            }
        }
        return result
    }
}
