import Foundation

/// Reads a status-change log (one row per change of a lead's status:
/// Salesforce LeadHistory, HubSpot property history) as leads and touches.
///
/// A lead is created at its first `--created` event, or at its first event
/// when none matches; later `--created` events (a lead re-opened) are not
/// touches. `qualified_at` and `converted_at` are the first `--qualified`
/// and `--converted` events. Every other event, those included, is an
/// outbound touch whose outcome is the status. Status values match without
/// regard to case.
enum StatusLog {
    struct Read {
        var leads: Table
        var touches: Table
        /// `--created` events after a lead's first.
        var reopened: Int
    }

    static func read(_ events: Table, statuses: StatusWords) -> Read {
        let ids = events.text("lead_id")!
        let at = events.timestamps("at")!
        let status = events.text("status")!
        func matches(_ words: [String]) -> [Bool] {
            let wanted = Set(words.map(TouchDirection.normalized))
            return status.dictionary.values.map { wanted.contains(TouchDirection.normalized($0)) }
        }
        let isCreated = matches(statuses.created), isQualified = matches(statuses.qualified)
        let isConverted = matches(statuses.converted)
        func flag(_ flags: [Bool], _ row: Int) -> Bool {
            let code = status.codes[row]
            return code != Null.textCode && flags[Int(code)]
        }

        let leadCount = ids.dictionary.count
        let order = (0..<events.rowCount).sorted { a, b in
            (ids.codes[a], at[a], a) < (ids.codes[b], at[b], b)
        }
        var created = [Int64](repeating: Null.timestamp, count: leadCount)
        var firstAt = created, qualified = created, converted = created
        var touchRows: [UInt32] = []
        var reopened = 0
        for row in order {
            let code = ids.codes[row]
            guard code != Null.textCode else {
                touchRows.append(UInt32(row))
                continue
            }
            let lead = Int(code), time = at[row]
            if firstAt[lead] == Null.timestamp { firstAt[lead] = time }
            if flag(isCreated, row) {
                if created[lead] == Null.timestamp { created[lead] = time } else { reopened += 1 }
                continue
            }
            touchRows.append(UInt32(row))
            if flag(isQualified, row) && qualified[lead] == Null.timestamp { qualified[lead] = time }
            if flag(isConverted, row) && converted[lead] == Null.timestamp { converted[lead] = time }
        }
        for lead in 0..<leadCount where created[lead] == Null.timestamp { created[lead] = firstAt[lead] }

        let origin = events["lead_id"]!.origin
        var leads = Table(rowCount: leadCount, columns: [
            Column(name: "lead_id", origin: origin,
                   data: .text(TextColumn(codes: (0..<UInt32(leadCount)).map { $0 }, dictionary: ids.dictionary))),
            Column(name: "created_at", origin: "first created event", data: .timestamp(created)),
        ])
        if !statuses.qualified.isEmpty {
            leads.append(Column(name: "qualified_at", origin: "first qualified event", data: .timestamp(qualified)))
        }
        if !statuses.converted.isEmpty {
            leads.append(Column(name: "converted_at", origin: "first converted event", data: .timestamp(converted)))
        }
        touchRows.sort()
        let touches = events.gathered(touchRows).renaming("status", to: "outcome")
        return Read(leads: leads, touches: touches, reopened: reopened)
    }
}

extension LeadStore {
    static func readEvents(
        _ source: any TableReader, statuses: StatusWords, reading: inout Reading, progress: LoadProgress?
    ) throws(LoadError) -> StatusLog.Read {
        let clock = ContinuousClock.now
        let read = try source.read(TableRequest(role: .events, progress: progress))
        reading.note(read, source: source.name)
        let log = StatusLog.read(read.table, statuses: statuses)
        reading.summary.decisions.append(LoadMessages.eventsRead(
            file: source.name, leads: log.leads.rowCount, touches: log.touches.rowCount, reopened: log.reopened))
        reading.summary.files.append(.init(
            name: source.name, role: .events, rows: read.table.rowCount, bytes: read.bytes, seconds: seconds(since: clock),
            generated: read.generated, origins: LoadSummary.origins(of: read.table)))
        return log
    }
}
