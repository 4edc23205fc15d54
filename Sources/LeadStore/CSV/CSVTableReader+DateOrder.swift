/// The order of dates written as three numbers, settled per column once
/// every part of a file is read.
extension CSVTableReader {
    /// Reads again day first the rows of each timestamp column that turned
    /// out day-first; returns a note for each such column. A column whose
    /// dates do not settle is an error naming `--date-format`.
    static func settleDateOrders(
        _ times: inout [[Int64]], parts: [CSVPartReader.Columns], layout: CSVPartReader.Layout
    ) throws(LoadError) -> [String] {
        guard layout.dateOrder == nil else { return [] }
        var notes: [String] = []
        for (index, entry) in layout.map.entries.enumerated() {
            guard case .timestamp(let builder, _) = layout.plans[index] else { continue }
            let detections = parts.map { $0.times[builder].detection }
            let joined = DateOrderDetection.joined(detections)
            switch joined.decision(column: entry.name) {
            case .failure(let problem):
                throw LoadError(file: layout.file, message: problem.message)
            case .success(.dayFirst):
                times[builder].withUnsafeMutableBufferPointer { values in
                    var offset = 0
                    for (part, detection) in zip(parts, detections) {
                        for row in detection.ambiguousRows {
                            let zone = layout.zone, wall = zone.local(values[offset + row])
                            values[offset + row] = zone.instant(wall: DateOrder.dayFirst(fromMonthFirst: wall))
                        }
                        offset += part.rows
                    }
                }
                notes.append(dayFirstNote(entry.name, example: joined.dayFirstExample!))
            case .success: break
            }
        }
        return notes
    }

    /// What the load summary says of a column read day first by itself.
    static func dayFirstNote(_ column: String, example: String) -> String {
        "\(column) read day first (\(DateOrder.dayFirst.rawValue)), as \"\(example)\" shows"
    }
}
