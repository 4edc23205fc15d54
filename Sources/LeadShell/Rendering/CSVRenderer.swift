import Foundation
import LeadEngine
import LeadStore

/// Writes a result as RFC 4180 CSV: a header row, a field quoted only when it
/// holds a comma, quote or line break, null as an empty field, empty text as
/// `""`, raw values (ratios as decimals, durations in hours, ISO 8601 UTC).
struct CSVRenderer {
    var separator: Character = ","

    /// Writes the result in chunks of rows, so a long one is never one huge
    /// string. Rows are built as bytes: text columns render each distinct
    /// value once, timestamps and whole numbers are written digit by digit.
    func write(_ table: ResultTable, to sink: (String) -> Void) {
        let separator = self.separator.asciiValue ?? 0x2C
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20)
        for (index, column) in table.columns.enumerated() {
            if index > 0 { out.append(separator) }
            out += field(column.name, isText: true).utf8
        }
        out.append(0x0A)
        var writers = table.columns.map { CellWriter($0, renderer: self) }
        for row in 0..<table.rowCount {
            for index in writers.indices {
                if index > 0 { out.append(separator) }
                writers[index].write(row, into: &out)
            }
            out.append(0x0A)
            if row % 4096 == 4095 {
                sink(String(decoding: out, as: UTF8.self))
                out.removeAll(keepingCapacity: true)
            }
        }
        sink(String(decoding: out, as: UTF8.self))
    }

    func render(_ table: ResultTable) -> String {
        var out = ""
        write(table) { out += $0 }
        return out
    }

    fileprivate func field(_ text: String, isText: Bool) -> String {
        if isText && text.isEmpty { return "\"\"" }
        let separatorByte = separator.asciiValue ?? 0x2C
        guard text.utf8.contains(where: { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Writes the cells of one column as CSV bytes. The column's values are
/// taken out of their enum once, not once per cell.
private struct CellWriter {
    private let column: ResultColumn
    private let renderer: CSVRenderer
    private let codes: [UInt32]?
    private let dictionary: TextDictionary?
    /// Timestamps (and whole numbers, with `timestamps` false) written directly.
    private let ints: [Int64]?
    private let timestamps: Bool
    /// Text values rendered so far, back to back; `rendered[code]` is where
    /// the value with that code lies in `bytes` (empty until first needed).
    private var bytes: [UInt8] = []
    private var rendered: [Range<Int>?] = []

    init(_ column: ResultColumn, renderer: CSVRenderer) {
        self.column = column
        self.renderer = renderer
        switch column.values {
        case .text(let codes, let dictionary) where dictionary.count <= 1 << 20:
            self.codes = codes
            self.dictionary = dictionary
            rendered = Array(repeating: nil, count: dictionary.count)
            ints = nil
            timestamps = false
        case .ints(let values) where column.kind == .timestamp || column.kind == .count:
            codes = nil
            dictionary = nil
            ints = values
            timestamps = column.kind == .timestamp
        default:
            codes = nil
            dictionary = nil
            ints = nil
            timestamps = false
        }
    }

    mutating func write(_ row: Int, into out: inout [UInt8]) {
        if let codes, let dictionary {
            let code = codes[row]
            guard code != Null.textCode else { return }
            if rendered[Int(code)] == nil {
                let start = bytes.count
                bytes += renderer.field(dictionary[code], isText: true).utf8
                rendered[Int(code)] = start..<bytes.count
            }
            out += bytes[rendered[Int(code)]!]
        } else if let ints {
            let value = ints[row]
            guard value != Int64.min else { return }
            if timestamps {
                column.buckets.zone.writeISO8601(value, into: &out)
            } else {
                Self.writeDecimal(value, into: &out)
            }
        } else {
            let cell = column.cell(row)
            guard let text = ValueFormatter.raw(cell, in: column) else { return }
            if case .text = cell {
                out += renderer.field(text, isText: true).utf8
            } else {
                out += renderer.field(text, isText: false).utf8
            }
        }
    }

    private static func writeDecimal(_ value: Int64, into out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        let start = out.count
        repeat {
            out.append(UInt8(0x30 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        out[start...].reverse()
    }
}
