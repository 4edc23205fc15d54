import LeadEngine
import LeadGen
import LeadStore
import Testing

/// The demo's tables are made straight from the generator's draws; they must
/// be exactly what loading the same generated CSV files gives: columns,
/// values, text codes and dictionaries, derived fields and the load summary.
@Suite struct DemoTablesTests {
    @Test(arguments: [(4000, UInt64(42)), (300, UInt64(9)), (2500, UInt64(11))])
    func demoIsTheLoadOfItsCSV(leadCount: Int, seed: UInt64) throws {
        let demo = try Session.demo(leadCount: leadCount, seed: seed).store
        let csv = LeadGenerator(leadCount: leadCount, seed: seed, layout: .grouped).generate()
        let loaded = try LeadStore(
            leads: DataSource(file: FileBytes(name: "demo/leads.csv", bytes: csv.leads), generated: true),
            touches: [DataSource(file: FileBytes(name: "demo/touches.csv", bytes: csv.touches), generated: true)])
        Self.expectSame(demo.leads, loaded.leads, "leads")
        Self.expectSame(demo.touches, loaded.touches, "touches")
        #expect(demo.stableSummaryLines == loaded.stableSummaryLines)
        #expect(demo.directionWords == loaded.directionWords)
        #expect(demo.followUps.counts == loaded.followUps.counts)
    }

    @Test func statementsAnswerTheSame() throws {
        let csv = LeadGenerator(leadCount: 1500, seed: 5, layout: .grouped).generate()
        var loaded = Session(store: try LeadStore(
            leads: DataSource(file: FileBytes(name: "demo/leads.csv", bytes: csv.leads), generated: true),
            touches: [DataSource(file: FileBytes(name: "demo/touches.csv", bytes: csv.touches), generated: true)]), description: "csv")
        var demo = try Session.demo(leadCount: 1500, seed: 5)
        for statement in ["rate, speed by owner", "touches by at.month, channel", "rate, speed, conversion by segment, region",
                          "list leads lead_id, owner, response order by response desc limit 5", "distinct(rep) by direction"] {
            #expect(GoldenTests.render(demo.run(statement)) == GoldenTests.render(loaded.run(statement)), "\(statement)")
        }
    }

    static func expectSame(_ a: Table, _ b: Table, _ name: String) {
        #expect(a.rowCount == b.rowCount, "\(name) rows")
        #expect(a.columns.map(\.name) == b.columns.map(\.name), "\(name) columns")
        #expect(a.columns.map(\.origin) == b.columns.map(\.origin), "\(name) origins")
        for (x, y) in zip(a.columns, b.columns) {
            switch (x.data, y.data) {
            case (.text(let p), .text(let q)):
                #expect(p.dictionary.values == q.dictionary.values, "\(name).\(x.name) dictionary")
                #expect(p.codes.wide == q.codes.wide, "\(name).\(x.name) codes")
            case (.number(let p), .number(let q)):
                #expect(p.map(\.bitPattern) == q.map(\.bitPattern), "\(name).\(x.name)")
            case (.timestamp(let p), .timestamp(let q)), (.duration(let p), .duration(let q)):
                #expect(p == q, "\(name).\(x.name)")
            case (.count(let p), .count(let q)):
                #expect(p == q, "\(name).\(x.name)")
            default:
                Issue.record("\(name).\(x.name): \(x.kind) against \(y.kind)")
            }
        }
    }
}
