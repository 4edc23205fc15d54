extension LeadStore {
    /// Reads a deals export (a lead id and the date the deal was won) and
    /// sets each lead's `converted_at` to its earliest deal, or keeps the
    /// leads file's own date when that is earlier. Deals of lead ids not in
    /// the leads are counted and reported; deals with no date are skipped.
    static func readConversions(
        _ source: any TableReader, into leads: inout Table, reading: inout Reading, progress: LoadProgress?
    ) throws(LoadError) {
        let clock = ContinuousClock.now
        let read = try source.read(TableRequest(role: .conversions, progress: progress))
        let name = source.name
        reading.note(read, source: name)
        let deals = read.table
        guard let dealIDs = deals.text("lead_id"), let won = deals.timestamps("converted_at"),
              let leadIDs = leads.text("lead_id") else { return }
        let leadOfCode: [UInt32?] = (0..<dealIDs.dictionary.count).map { code in
            dealIDs.dictionary.withBytes(of: UInt32(code)) { leadIDs.dictionary.code(of: $0) }
        }
        var converted = leads.timestamps("converted_at") ?? [Int64](repeating: Null.timestamp, count: leads.rowCount)
        var unknown = 0
        var unknownIDs = Set<UInt32>()
        var set = Set<UInt32>()
        for row in 0..<deals.rowCount {
            let code = dealIDs.codes[row]
            guard code != Null.textCode, let lead = leadOfCode[Int(code)] else {
                unknown += 1
                if code != Null.textCode { unknownIDs.insert(code) }
                continue
            }
            let date = won[row]
            guard date != Null.timestamp else { continue }
            let current = converted[Int(lead)]
            if current == Null.timestamp || date < current { converted[Int(lead)] = date }
            set.insert(lead)
        }
        let origin = leads["converted_at"].map { "\($0.origin), \(name)" } ?? "\(name): \(deals["converted_at"]!.origin)"
        leads.append(Column(name: "converted_at", origin: origin, data: .timestamp(converted)))
        reading.summary.decisions.append(LoadMessages.conversionsRead(file: name, deals: deals.rowCount - unknown, leads: set.count))
        if unknown > 0 {
            reading.summary.decisions.append("\(name): " + LoadMessages.unknownDeals(unknown, ids: unknownIDs.count))
        }
        reading.summary.unknownDeals += unknown
        reading.summary.files.append(.init(
            name: name, role: .conversions, rows: deals.rowCount, bytes: read.bytes, seconds: seconds(since: clock),
            origins: LoadSummary.origins(of: deals)))
    }
}
