import LeadEngine

/// JSON: an array of objects, or one object per line (JSON Lines), with
/// typed values: counts as integers, ratios and numbers as numbers,
/// durations in hours, timestamps in ISO 8601 UTC, buckets by label, null as null.
struct JSONRenderer {
    var lines: Bool

    func render(_ table: ResultTable) -> String {
        let objects = (0..<table.rowCount).map { row in
            "{" + table.columns.map { column in
                Self.quote(column.name) + ":" + value(column.cell(row), in: column)
            }.joined(separator: ",") + "}"
        }
        if lines { return objects.map { $0 + "\n" }.joined() }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }

    private func value(_ cell: Cell, in column: ResultColumn) -> String {
        guard let raw = ValueFormatter.raw(cell, in: column) else { return "null" }
        switch (cell, column.kind) {
        case (.text, _), (_, .bucket), (_, .timestamp), (_, .text): return Self.quote(raw)
        case (.double(let value), _) where !value.isFinite: return "null"
        default: return raw
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
