import LeadStore
import Testing

/// The store reads every table through a `TableReader`: a reader written
/// here, with no file behind it, loads as a CSV file does, and errors name
/// rows as each reader names them.
@Suite struct TableReaderTests {
    /// Rows of text held in arrays: the first column is read as text, the
    /// others as ISO 8601 timestamps.
    struct ArrayReader: TableReader {
        let name: String
        let headers: [String]
        let rows: [[String]]

        func read(_ request: TableRequest) throws(LoadError) -> TableRead {
            var ids: [String] = []
            for row in rows where !ids.contains(row[0]) { ids.append(row[0]) }
            let dictionary = TextDictionary(ids)
            var columns = [Column(name: headers[0], origin: headers[0], data: .text(TextColumn(
                codes: rows.map { dictionary.code(of: $0[0])! }, dictionary: dictionary)))]
            for index in headers.indices.dropFirst() {
                columns.append(Column(name: headers[index], origin: headers[index],
                                      data: .timestamp(rows.map { TimestampParser.parse($0[index])! })))
            }
            return TableRead(table: Table(rowCount: rows.count, columns: columns))
        }
    }

    static let leads = ArrayReader(name: "crm leads", headers: ["lead_id", "created_at"], rows: [
        ["A", "2026-01-01T09:00:00Z"], ["B", "2026-01-02T09:00:00Z"],
    ])
    static let touches = ArrayReader(name: "crm touches", headers: ["lead_id", "at"], rows: [
        ["A", "2026-01-01T10:00:00Z"], ["A", "2026-01-03T09:00:00Z"], ["B", "2026-01-02T11:30:00Z"],
    ])

    @Test func aReaderWithNoFileLoadsThroughTheSameInit() throws {
        let store = try LeadStore(leads: Self.leads, touches: [Self.touches])
        #expect(values(store.leads, "lead_id") == ["A", "B"])
        #expect(values(store.leads, "followups") == ["2", "1"])
        #expect(values(store.leads, "response") == ["1.0", "2.5"])
        #expect(store.summary.files.map(\.name) == ["crm leads", "crm touches"])
        #expect(store.summaryLines.contains { $0.hasPrefix("Loaded 2 leads and 3 touches from 2 files") })
    }

    @Test func aDuplicateLeadIDIsNamedByTheReadersRows() {
        let leads = ArrayReader(name: "crm leads", headers: ["lead_id", "created_at"], rows: [
            ["A", "2026-01-01T09:00:00Z"], ["B", "2026-01-02T09:00:00Z"], ["A", "2026-01-03T09:00:00Z"],
        ])
        #expect(throws: LoadError(file: "crm leads", place: .row(3, column: "lead_id"),
                                  message: "duplicate lead_id \"A\" (first on row 1); every lead needs its own id")) {
            try LeadStore(leads: leads, touches: [])
        }
        #expect(LoadError(file: "crm leads", place: .row(3, column: "lead_id"), message: "m").description
            == "crm leads row 3, column \"lead_id\": error: m")
    }

    @Test func aDuplicateLeadIDInACSVFileIsNamedByLineAndField() {
        #expect(loadError(leads: "created_at,lead_id\n2026-01-01,L1\n2026-01-02,L2\n2026-01-03,L1\n")
            == "leads.csv:4:2: error: duplicate lead_id \"L1\" (first on line 2); every lead needs its own id")
    }

    @Test func aStatusLogErrorNamesTheLine() {
        let log = "lead_id,status,changed_at\nA,NEW,2026-01-01\nA,CALLED,2026-01-02\nB,NEW,not yet\n"
        let error = #expect(throws: LoadError.self) {
            try LeadStore(DataSet(events: DataSource(file: FileBytes(name: "log.csv", bytes: Array(log.utf8))),
                                  statuses: StatusWords(created: ["new"])))
        }
        #expect(error?.place == .line(4, field: 3))
        #expect(error?.description.hasPrefix("log.csv:4:3: error: at \"not yet\" is not a date and time") == true, "\(String(describing: error))")
    }
}
