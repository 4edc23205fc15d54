import Foundation
import LeadEngine
import LeadQuery
import LeadStore
import Testing

/// Statements far larger than anyone types: generated chains of thousands
/// of terms and lists of thousands of values run (or stop with an error),
/// never overflow the stack, and warn once rather than once per value.
@Suite struct HostileStatementTests {
    static func session() throws -> Session {
        let folder = GoldenTests.folder
        let store = try LeadStore(
            leads: DataSource(path: folder.appendingPathComponent("../../../examples/data/leads.csv").path),
            touches: [DataSource(path: folder.appendingPathComponent("../../../examples/data/touches.csv").path)])
        return Session(store: store, description: "examples")
    }

    static func lines(_ statement: String) throws -> [String] {
        var session = try session()
        return GoldenTests.render(session.run(statement))
    }

    @Test func aFlatOrChainOfTwentyThousandTermsRuns() throws {
        let chain = Array(repeating: "segment = \"SMB\"", count: 20_000).joined(separator: " or ")
        #expect(try Self.lines("rate where " + chain) == Self.lines("rate where segment = \"SMB\""))
    }

    @Test func aFlatAndChainOfTwentyThousandTermsRuns() throws {
        let chain = Array(repeating: "deal_size >= 0", count: 20_000).joined(separator: " and ")
        #expect(try Self.lines("leads where " + chain) == Self.lines("leads where deal_size >= 0"))
    }

    @Test func aMixedChainKeepsPrecedence() throws {
        let chain = Array(repeating: "segment = \"SMB\" and deal_size > 0", count: 5_000).joined(separator: " or ")
        #expect(try Self.lines("leads where " + chain) == Self.lines("leads where segment = \"SMB\" and deal_size > 0"))
    }

    @Test func aNumberListOfFortyThousandValuesRuns() throws {
        let values = (0..<40_000).map(String.init).joined(separator: ", ")
        #expect(try Self.lines("leads where deal_size in (\(values))") == Self.lines("leads where deal_size >= 0 and deal_size < 40000 and deal_size != 30500.5"))
    }

    @Test func aHavingChainOfTenThousandTermsRuns() throws {
        let chain = Array(repeating: "leads > 1", count: 10_000).joined(separator: " or ")
        #expect(try Self.lines("leads by segment having " + chain) == Self.lines("leads by segment having leads > 1"))
    }

    @Test func aNamedFilterRepeatedThroughAChainRuns() throws {
        var session = try Self.session()
        let chain = Array(repeating: "segment = \"SMB\"", count: 20_000).joined(separator: " or ")
        _ = session.run("let smb = " + chain)
        #expect(GoldenTests.render(session.run("rate where smb and not not smb")) == (try Self.lines("rate where segment = \"SMB\"")))
    }

    @Test func aChainOfAHundredThousandTermsIsAnErrorNotACrash() throws {
        let chain = Array(repeating: "deal_size > 1", count: 100_000).joined(separator: " or ")
        let result = try Self.lines("rate where " + chain)
        #expect(result.count == 1)
        #expect(result.first?.contains("the statement is too long") == true)
    }

    @Test func thousandsOfAbsentValuesGiveOneWarning() throws {
        let values = (0..<5_000).map { "\"S\($0)\"" }.joined(separator: ", ")
        var session = try Self.session()
        guard case .success(.table(let table, _)) = session.run("rate where segment in (\"SMB\", \(values))") else {
            Issue.record("the query failed")
            return
        }
        #expect(table.warnings.count == 1)
        #expect(table.warnings.first?.message.hasPrefix("no row has segment = \"S0\", \"S1\", \"S2\" or 4,997 other values") == true)
    }

    @Test func aChainOfThousandsOfAbsentValuesGivesOneWarning() throws {
        let chain = (0..<5_000).map { "segment = \"S\($0)\"" }.joined(separator: " or ")
        var session = try Self.session()
        guard case .success(.table(let table, _)) = session.run("rate where " + chain + " or owner = \"Nobody\"") else {
            Issue.record("the query failed")
            return
        }
        #expect(table.warnings.count == 2)
        #expect(table.warnings.first?.message.hasPrefix("no row has segment = \"S0\", \"S1\", \"S2\" or 4,997 other values;") == true)
        #expect(table.warnings.last?.message.hasPrefix("no row has owner = \"Nobody\"; values that exist") == true)
    }

    /// An absent value of a column of many distinct values (ids) is named
    /// with the nearest of its first 10,000 values and how many more there
    /// are: ranking every one of a hundred million took minutes.
    @Test func anAbsentIDAmongManyIsNamedFromTheFirstValues() throws {
        var leads = "lead_id,created_at\n"
        var touches = "lead_id,at,ref\n"
        for row in 0..<30_000 {
            leads += "L\(row),2026-01-01T00:00:00Z\n"
            touches += "L\(row),2026-01-02T00:00:00Z,R\(row + 1_000_000)\n"
        }
        let store = try LeadStore(leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array(leads.utf8))),
                                  touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: Array(touches.utf8)))])
        var session = Session(store: store, description: "many ids")
        guard case .success(.table(let table, _)) = session.run("touches where ref = \"R1025000x\"") else {
            Issue.record("the query failed")
            return
        }
        let message = table.warnings.first?.message ?? ""
        #expect(message.hasPrefix("no row has ref = \"R1025000x\"; values that exist: \"R100"), "\(message)")
        #expect(!message.contains("\"R1025000\""), "\(message)")
        #expect(message.contains("and 29992 more"), "\(message)")
    }
}
