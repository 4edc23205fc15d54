import LeadEngine

/// Tab-separated values: a header row, raw values, null as an empty field;
/// a tab, line break or backslash inside a value is written `\t`, `\n`, `\\`.
struct TSVRenderer {
    func render(_ table: ResultTable) -> String {
        var out = table.columns.map { escape($0.name) }.joined(separator: "\t") + "\n"
        for row in 0..<table.rowCount {
            out += table.columns.map { column in
                ValueFormatter.raw(column.cell(row), in: column).map(escape) ?? ""
            }.joined(separator: "\t") + "\n"
        }
        return out
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
