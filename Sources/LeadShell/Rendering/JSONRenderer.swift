import LeadEngine

/// JSON: an array of objects, or one object per line (JSON Lines), with
/// typed values: counts as integers, ratios and numbers as numbers,
/// durations in hours, timestamps in ISO 8601 in the
/// session's zone, buckets by label, null as
/// null. JSON has no infinity: an infinite number (a sum past the largest
/// double) is the string "inf" or "-inf", as CSV writes it.
struct JSONRenderer {
    var lines: Bool

    /// Writes the result in chunks of rows.
    func write(_ table: ResultTable, to sink: (String) -> Void) {
        let names = table.columns.map { Self.quote($0.name) + ":" }
        var out = lines || table.rowCount > 0 ? "" : "["
        for row in 0..<table.rowCount {
            if !lines { out += row == 0 ? "[" : ",\n " }
            out += "{" + table.columns.indices.map { names[$0] + value(table.columns[$0].cell(row), in: table.columns[$0]) }.joined(separator: ",") + "}"
            if lines { out += "\n" }
            if row % 4096 == 4095 {
                sink(out)
                out = ""
            }
        }
        if !lines { out += "]\n" }
        sink(out)
    }

    private func value(_ cell: Cell, in column: ResultColumn) -> String {
        guard let raw = ValueFormatter.raw(cell, in: column) else { return "null" }
        switch (cell, column.kind) {
        case (.text, _), (_, .bucket), (_, .timestamp), (_, .text), (_, .labels): return Self.quote(raw)
        case (.double(let value), _) where !value.isFinite: return Self.quote(raw)
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
