import LeadStore
import Testing

/// Dates written as three numbers: day first or month first by what a
/// column's values show, or by `--date-format`.
@Suite struct DateOrderTests {
    static func store(_ leads: String, format: String? = nil, touches: String? = nil) throws(LoadError) -> LeadStore {
        try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array(leads.utf8)), dateFormat: format),
            touches: touches.map { [DataSource(file: FileBytes(name: "touches.csv", bytes: Array($0.utf8)), dateFormat: format)] } ?? [])
    }

    static func error(_ leads: String, format: String? = nil) -> String? {
        do {
            _ = try store(leads, format: format)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aColumnShowsItIsDayFirst() throws {
        let store = try Self.store("lead_id,created_at\nL1,01-02-2018\nL2,26-02-2018 19:58\nL3,05-05-2018\n")
        #expect(values(store.leads, "created_at") == ["2018-02-01T00:00:00Z", "2018-02-26T19:58:00Z", "2018-05-05T00:00:00Z"])
        #expect(store.stableSummaryLines.contains("  note: leads.csv: created_at read day first (DD-MM-YYYY), as \"26-02-2018 19:58\" shows"))
    }

    @Test func aColumnShowsItIsMonthFirst() throws {
        let store = try Self.store("lead_id,created_at\nL1,01-02-2018\nL2,02-26-2018 7:58 PM\n")
        #expect(values(store.leads, "created_at") == ["2018-01-02T00:00:00Z", "2018-02-26T19:58:00Z"])
        #expect(!store.stableSummaryLines.contains { $0.contains("day first") })
    }

    @Test func slashesThatNothingDecidesStayUS() throws {
        let store = try Self.store("lead_id,created_at\nL1,3/4/2025 9:15 AM\nL2,03/05/2025\n")
        #expect(values(store.leads, "created_at") == ["2025-03-04T09:15:00Z", "2025-03-05T00:00:00Z"])
    }

    @Test func dashesThatNothingDecidesAreAnError() {
        #expect(Self.error("lead_id,created_at\nL1,01-02-2018\nL2,03.04.2018\n") ==
            "leads.csv: error: created_at has dates such as \"01-02-2018\" that read both day first and month first, and no value decides; name the order with --date-format DD-MM-YYYY or MM-DD-YYYY")
    }

    @Test func bothOrdersInOneColumnAreAnError() {
        #expect(Self.error("lead_id,created_at\nL1,26/02/2018\nL2,02/26/2018\n") ==
            "leads.csv: error: created_at has dates day first (\"26/02/2018\") and month first (\"02/26/2018\"); name the order with --date-format DD-MM-YYYY or MM-DD-YYYY")
    }

    @Test func theFormatNamesTheOrder() throws {
        let dayFirst = try Self.store("lead_id,created_at\nL1,01-02-2018\nL2,03/04/2018 10:30\nL3,2018-05-06T07:08:09Z\n", format: "DD-MM-YYYY")
        #expect(values(dayFirst.leads, "created_at") == ["2018-02-01T00:00:00Z", "2018-04-03T10:30:00Z", "2018-05-06T07:08:09Z"])
        #expect(!dayFirst.stableSummaryLines.contains { $0.contains("day first") })
        let monthFirst = try Self.store("lead_id,created_at\nL1,01-02-2018\n", format: "mm/dd/yyyy")
        #expect(values(monthFirst.leads, "created_at") == ["2018-01-02T00:00:00Z"])
        let yearFirst = try Self.store("lead_id,created_at\nL1,2018/02/01 10:00\nL2,2018.2.3\n", format: "YYYY-MM-DD")
        #expect(values(yearFirst.leads, "created_at") == ["2018-02-01T10:00:00Z", "2018-02-03T00:00:00Z"])
    }

    @Test func aValueAgainstTheFormatIsAnError() {
        #expect(Self.error("lead_id,created_at\nL1,01-02-2018\nL2,02-26-2018\n", format: "DD-MM-YYYY") ==
            "leads.csv:3:2: error: created_at \"02-26-2018\" is not a valid date: there is no month 26")
        #expect(Self.error("lead_id,created_at\nL1,01-02-2018\n", format: "YYYY-MM-DD") ==
            "leads.csv:2:2: error: created_at \"01-02-2018\" is not a valid date: the date is not in the order of --date-format YYYY-MM-DD")
        #expect(Self.error(minimalLeads, format: "DD-YYYY-MM") ==
            "leads.csv: error: --date-format \"DD-YYYY-MM\" is not a date format leadq knows; use DD-MM-YYYY, MM-DD-YYYY or YYYY-MM-DD (any of - / . between the parts)")
    }

    @Test func touchesAndOtherColumnsShowTheirOrderToo() throws {
        let store = try Self.store(
            "lead_id,created_at,signed\nL1,2018-02-01T09:00:00Z,13-01-2018\nL2,2018-02-01T09:00:00Z,01-02-2018\n",
            touches: "lead_id,at,seen\nL1,01-02-2018 10:00,01-02-2018\nL1,13-02-2018 10:00,03-04-2018\n")
        #expect(values(store.touches, "at") == ["2018-02-01T10:00:00Z", "2018-02-13T10:00:00Z"])
        #expect(values(store.leads, "signed") == ["2018-01-13T00:00:00Z", "2018-02-01T00:00:00Z"])
        // Nothing shows the order of `seen`, and leadq does not need it: it stays text.
        #expect(values(store.touches, "seen") == ["01-02-2018", "03-04-2018"])
        #expect(store.stableSummaryLines.contains("  note: leads.csv: signed read day first (DD-MM-YYYY), as \"13-01-2018\" shows"))
        #expect(store.stableSummaryLines.contains("  note: touches.csv: at read day first (DD-MM-YYYY), as \"13-02-2018 10:00\" shows"))
    }

    /// A file large enough to be read in parts: the one value that decides is
    /// in the last part, and every part's rows are read again day first.
    @Test func theDecidingValueMayComeInAnyPart() throws {
        var text = "lead_id,created_at\n"
        let rows = 400_000
        for row in 0..<rows { text += "L\(row),0\(row % 9 + 1)-1\(row % 3)-2018 10:00\n" }
        text += "LAST,31-12-2018 10:00\n"
        #expect(text.utf8.count > 9 << 20)
        let store = try Self.store(text)
        let created = values(store.leads, "created_at")
        #expect(created.count == rows + 1)
        for row in stride(from: 0, to: rows, by: 997) {
            #expect(created[row] == "2018-1\(row % 3)-0\(row % 9 + 1)T10:00:00Z", "row \(row)")
        }
        #expect(created.last == "2018-12-31T10:00:00Z")
    }
}
