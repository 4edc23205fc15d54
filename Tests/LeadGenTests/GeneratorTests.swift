import LeadGen
import LeadStore
import Testing

/// Generated data is reproducible and shaped like the spec says.
@Suite struct GeneratorTests {
    @Test func sameSeedSameBytes() {
        let a = LeadGenerator(leadCount: 300, seed: 9).generate()
        let b = LeadGenerator(leadCount: 300, seed: 9).generate()
        let c = LeadGenerator(leadCount: 300, seed: 10).generate()
        #expect(a.leads == b.leads && a.touches == b.touches)
        #expect(a.touches != c.touches)
    }

    @Test func shapeOfTheData() throws {
        let data = LeadGenerator(leadCount: 20_000, seed: 42).generate()
        let store = try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: data.leads)),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: data.touches))])
        let leads = store.leads
        #expect(leads.rowCount == 20_000)
        let followups = values(leads, "followups").map { Int($0!)! }
        let never = Double(followups.filter { $0 == 0 }.count) / 20_000
        #expect(never > 0.15 && never < 0.25, "share never followed up: \(never)")
        let perLead = Double(store.touches.rowCount) / 20_000
        #expect(perLead > 8 && perLead < 12, "touches per lead: \(perLead)")
        #expect(store.followUps.counts.inbound > 0)
        #expect(store.followUps.counts.beforeCreation > 0)
        #expect(Set(values(store.touches, "channel")) == ["call", "email", "sms", "social", "meeting"])
        #expect(Set(values(leads, "segment")) == ["SMB", "Mid-Market", "Enterprise"])
        let owners = Set(values(leads, "owner").compactMap { $0 })
        #expect(owners.count == 40)
        #expect(owners.contains("Okafor, Chidi"))
        #expect(owners.contains { $0.unicodeScalars.contains { !$0.isASCII } })
        let responses = values(leads, "response").compactMap { $0.flatMap(Double.init) }.sorted()
        let median = responses[responses.count / 2]
        #expect(median > 1 && median < 12, "median response hours: \(median)")
        #expect(responses.last! > 72)
        let converted = values(leads, "converted_at").compactMap { $0 }.count
        #expect(converted > 0 && converted < 20_000 / 4)
    }
}

/// Every value of a column, written out plainly (nil for null).
private func values(_ table: Table, _ name: String) -> [String?] {
    guard let column = table[name] else { return [] }
    return (0..<table.rowCount).map { column.data.renderedValue($0) }
}
