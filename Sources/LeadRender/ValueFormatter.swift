import Foundation
import LeadEngine
import LeadStore

/// How one value reads: for people in a table (`87.3%`, `5.2h`, `1,234`), or
/// raw for files (ratio `0.873`, duration in hours, ISO 8601 in the session's zone).
public enum ValueFormatter {
    /// The value as a table shows it; nil for null.
    public static func display(_ cell: Cell, in column: ResultColumn) -> String? {
        if column.isChange { return change(cell, in: column) }
        switch (cell, column.kind) {
        case (.null, _): return nil
        case (.int(let value), .bucket): return column.bucketLabel(value)
        case (.int(let value), .boolean): return value != 0 ? "true" : "false"
        case (.int(let value), .labels(let labels)): return labels.indices.contains(Int(value)) ? labels[Int(value)] : String(value)
        case (.int(let value), .timestamp): return timestamp(value, compact: true, zone: column.buckets.zone)
        case (.int(let value), _): return Quantity.grouped(Int(value))
        case (.double(let value), .ratio): return String(format: "%.1f%%", value * 100)
        case (.double(let value), .duration): return duration(value)
        case (.double(let value), _): return number(value)
        case (.text(let text), _): return text
        }
    }

    /// The value as CSV and other files carry it; nil for null.
    public static func raw(_ cell: Cell, in column: ResultColumn) -> String? {
        switch (cell, column.kind) {
        case (.null, _): return nil
        case (.int(let value), .bucket): return column.bucketLabel(value)
        case (.int(let value), .boolean): return value != 0 ? "true" : "false"
        case (.int(let value), .labels(let labels)): return labels.indices.contains(Int(value)) ? labels[Int(value)] : String(value)
        case (.int(let value), .timestamp): return column.buckets.zone.iso8601(value)
        case (.int(let value), _): return String(value)
        case (.double(let value), .duration): return plain(TimeScale.hours(value))
        case (.double(let value), _): return plain(value)
        case (.text(let text), _): return text
        }
    }

    /// A change from an earlier period: signed, ratios in percentage points,
    /// with ▲ for a rise and ▼ for a fall.
    static func change(_ cell: Cell, in column: ResultColumn) -> String? {
        let value: Double
        switch cell {
        case .int(let v): value = Double(v)
        case .double(let v): value = v
        default: return nil
        }
        let sign = value > 0 ? "+" : value < 0 ? "−" : ""
        let magnitude = abs(value)
        let text: String
        switch column.kind {
        case .ratio: text = String(format: "%.1f pt", magnitude * 100)
        case .duration: text = duration(magnitude)
        default: text = number(magnitude)
        }
        return sign + text + (value > 0 ? " ▲" : value < 0 ? " ▼" : "")
    }

    /// `45min` under an hour, `5.2h` up to 72 hours, `3.5d` past that.
    public static func duration(_ units: Double) -> String {
        let hours = TimeScale.hours(units)
        if abs(hours) < 1 { return String(format: "%.0fmin", units / Double(TimeScale.perMinute)) }
        if abs(hours) <= 72 { return String(format: "%.1fh", hours) }
        return String(format: "%.1fd", hours / 24)
    }

    /// Up to two decimals, no trailing zeros, thousands grouped.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return Quantity.grouped(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The shortest text that reads back as the same double; whole numbers without `.0`.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// ISO 8601 in the session's zone, or for a table `2026-01-05 10:00:00`
    /// (`.250` after the seconds when they have a fraction), with the offset
    /// after it outside UTC: `2026-03-08 09:30:00-04:00`.
    public static func timestamp(_ moment: Int64, compact: Bool, zone: ZoneRules = .utc) -> String {
        let iso = zone.iso8601(moment)
        guard compact else { return iso }
        // `2026-01-05T09:00:00Z` → `2026-01-05 09:00:00`, in one copy of the bytes; an offset stays.
        var bytes = Array(iso.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") else {
            return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix { $0 != "Z" })
        }
        bytes[10] = UInt8(ascii: " ")
        return String(decoding: bytes.last == UInt8(ascii: "Z") ? bytes.dropLast() : bytes[...], as: UTF8.self)
    }
}
