import LeadStore

extension LeadGenerator {
    /// The grouped layout's leads and touches as typed columns, made straight
    /// from the drawn values: the same columns, values and text codes as
    /// reading its CSV files gives, without writing or parsing CSV (the demo's).
    public func tables() -> (leads: Table, touches: Table) {
        precondition(layout == .grouped, "tables are made in the grouped layout")
        var leads = GeneratedLeads(count: leadCount, idWidth: idWidth)
        var touches = GeneratedTouches(capacity: leadCount * 12)
        drawLeads { row, id, createdAt, lead, plan, _ in
            leads.append(id: id, createdAt: createdAt, lead: lead, plan: plan)
            for touch in plan.touches { touches.append(touch, leadRow: row) }
        }
        return (leads.table, touches.table(leadIDs: leads.ids))
    }

    /// Readers that hand a load `tables()`, named as files: the touches' `lead_id` shares the leads' ids.
    public func tableReaders(leads leadsName: String, touches touchesName: String) -> (leads: any TableReader, touches: any TableReader) {
        let (leads, touches) = tables()
        return (GeneratedTable(name: leadsName, table: leads), GeneratedTable(name: touchesName, table: touches))
    }
}

/// A table made in memory, read as generated data.
struct GeneratedTable: TableReader {
    let name: String
    let table: Table

    func read(_ request: TableRequest) throws(LoadError) -> TableRead {
        var table = self.table
        // The store may hand the leads' ids back as it keeps them; the codes are the leads' rows either way.
        if let ids = request.leadIDs, let column = table.text("lead_id"), ids.count == column.dictionary.count {
            table.append(Column(name: "lead_id", origin: "lead_id", data: .text(TextColumn(codes: column.codes, dictionary: ids))))
        }
        return TableRead(table: table, generated: true)
    }
}

/// Text codes in the order values first appear, as a CSV read interns them.
struct FirstSeenCodes {
    private let names: [String]
    private var codes: [UInt32]
    private(set) var dictionary = TextDictionary()

    init(_ names: [String]) {
        self.names = names
        codes = Array(repeating: Null.textCode, count: names.count)
    }

    mutating func code(_ index: Int) -> UInt32 {
        if codes[index] == Null.textCode { codes[index] = dictionary.intern(names[index]) }
        return codes[index]
    }

    func column(_ name: String, _ codes: [UInt32]) -> Column {
        Column(name: name, origin: name, data: .text(TextColumn(codes: codes, dictionary: dictionary)))
    }
}
