import LeadEngine
import LeadQuery
import LeadStore

/// An engine's CSV answer read back into the `ResultTable` the in-memory
/// engine gives: hours back to milliseconds, bucket starts back to bucket
/// numbers, counts to whole numbers, with the measures' bands.
package enum EngineResult {
    static func table(_ query: BoundQuery, rows: [[String?]], buckets: TimeBuckets) throws(Diagnostic) -> ResultTable {
        let body = Array(rows.dropFirst())
        let shown = query.measures.filter { !$0.hidden }
        let width = query.groups.count + shown.count * (query.comparison == nil ? 1 : 3)
        guard rows.first?.count == width, body.allSatisfy({ $0.count == width }) else {
            throw DuckDBExecutor.diagnostic(EngineMessages.unreadable("the engine"))
        }
        var table = ResultTable(columns: [], rowCount: body.count)
        for (index, group) in query.groups.enumerated() {
            let cells = body.map { $0[index] }
            table.columns.append(try column(group.name, kind: group.kind, cells, buckets: buckets))
        }
        var offset = query.groups.count
        for measure in shown {
            var values: [Double] = []
            for row in body { values.append(try number(row[offset], kind: measure.kind)) }
            table.columns.append(QueryExecutor.measureColumn(measure, values))
            offset += 1
            guard query.comparison != nil else { continue }
            for (suffix, isChange) in [("_previous", false), ("_change", true)] {
                var values: [Double] = []
                for row in body { values.append(try number(row[offset], kind: measure.kind)) }
                var column = QueryExecutor.measureColumn(measure, values)
                (column.name, column.bands, column.bandRule, column.isChange) = (measure.name + suffix, nil, nil, isChange)
                table.columns.append(column)
                offset += 1
            }
        }
        table.warnings = query.warnings
        table.keyCount = query.groups.count
        return table
    }

    static func table(_ list: BoundList, rows: [[String?]]) throws(Diagnostic) -> ResultTable {
        let body = Array(rows.dropFirst())
        guard body.allSatisfy({ $0.count == list.columns.count }) else { throw DuckDBExecutor.diagnostic(EngineMessages.unreadable("the engine")) }
        var table = ResultTable(columns: [], rowCount: body.count)
        for (index, ref) in list.columns.enumerated() {
            let kind: ValueKind = switch ref.data {
            case .text: .text
            case .number: .number
            case .count: .count
            case .timestamp: .timestamp
            case .duration: .duration
            }
            table.columns.append(try column(ref.name, kind: kind, body.map { $0[index] }, buckets: TimeBuckets()))
        }
        table.warnings = list.warnings
        return table
    }

    /// A column of group keys or listed values.
    private static func column(_ name: String, kind: ValueKind, _ cells: [String?], buckets: TimeBuckets) throws(Diagnostic) -> ResultColumn {
        switch kind {
        case .text:
            return ResultColumn(name: name, kind: kind, values: .strings(cells))
        case .number, .ratio:
            var values: [Double] = []
            for cell in cells { values.append(try number(cell, kind: kind)) }
            return ResultColumn(name: name, kind: kind, values: .doubles(values))
        case .duration:
            var values: [Double] = []
            for cell in cells { values.append(try number(cell, kind: kind)) }
            return ResultColumn(name: name, kind: kind, values: .doubles(values))
        case .labels(let labels):
            return ResultColumn(name: name, kind: kind, values: .ints(cells.map { cell in cell.flatMap { labels.firstIndex(of: $0) }.map(Int64.init) ?? .min }))
        case .boolean:
            return ResultColumn(name: name, kind: kind, values: .ints(cells.map { cell in cell.map { $0 == "true" ? 1 : 0 } ?? .min }))
        case .count, .timestamp:
            var values: [Int64] = []
            for cell in cells { let v = try number(cell, kind: kind); values.append(v.isNaN ? .min : Int64(v.rounded())) }
            return ResultColumn(name: name, kind: kind, values: .ints(values))
        case .bucket(let unit):
            // A bucket comes back as the wall-clock time it starts at; the hour of the day and the weekday by name.
            var values: [Int64] = []
            for cell in cells {
                if unit.isCyclic {
                    let names = (0..<Int64(unit.cycle)).map { buckets.label($0, unit) }
                    guard let cell else { values.append(.min); continue }
                    guard let index = names.firstIndex(of: cell) else { throw DuckDBExecutor.diagnostic(EngineMessages.unreadable("the engine")) }
                    values.append(Int64(index))
                    continue
                }
                let moment = try number(cell, kind: .timestamp)
                values.append(moment.isNaN ? .min : buckets.bucket(wall: Int64(moment), unit))
            }
            return ResultColumn(name: name, kind: kind, values: .ints(values), buckets: buckets)
        }
    }

    /// A cell in the engine's units: hours to milliseconds, timestamps to epoch milliseconds; NaN for null.
    static func number(_ cell: String?, kind: ValueKind) throws(Diagnostic) -> Double {
        guard let cell else { return .nan }
        switch kind {
        case .timestamp, .bucket:
            guard let moment = moment(cell) else { throw DuckDBExecutor.diagnostic(EngineMessages.unreadable("the engine")) }
            return Double(moment)
        case .duration:
            guard let hours = Double(cell) else { throw DuckDBExecutor.diagnostic(EngineMessages.unreadable("the engine")) }
            return hours * Double(TimeScale.perHour)
        default:
            guard let value = Double(cell) else { throw DuckDBExecutor.diagnostic(EngineMessages.unreadable("the engine")) }
            return value
        }
    }

    /// `2026-01-05 09:00:00[.25][+00]` in epoch milliseconds.
    package static func moment(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<from + count] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2) else { return nil }
        var millis = Int64(CivilDate.daysSinceEpoch(year: year, month: month, day: day)) * TimeScale.perDay
        guard bytes.count > 10 else { return millis }
        guard let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2) else { return nil }
        millis += Int64(hour * 3600 + minute * 60 + second) * TimeScale.perSecond
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            var fraction = 0.0, scale = 0.1
            index += 1
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            millis += Int64((fraction * Double(TimeScale.perSecond)).rounded())
        }
        return millis
    }
}
