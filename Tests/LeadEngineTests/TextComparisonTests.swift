import LeadEngine
import LeadStore
import Testing

/// Text is compared byte for byte, as PostgreSQL, DuckDB and Spark compare
/// it: `Café` written with `é` as one letter and as `e` and an accent are
/// two values, and every comparison agrees on that: `=`, `!=`, `in`, the
/// ranges, `having`, and the warning about a value no row has.
@Suite struct TextComparisonTests {
    static let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"

    static func session() throws -> Session {
        var leads = "lead_id,created_at,segment\n"
        for row in 0..<12 {
            let segment = row < 5 ? composed : row < 8 ? "SMB" : row < 10 ? "Caf" : ""
            leads += "L\(row),2026-01-01T00:00:00Z,\(segment)\n"
        }
        let store = try LeadStore(leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array(leads.utf8))), touches: [])
        return Session(store: store, description: "text comparison")
    }

    /// The one number a statement gives, and whether it warned.
    static func count(_ session: inout Session, _ statement: String) -> (count: String?, warned: Bool) {
        guard case .success(.table(let table, _)) = session.run(statement) else { return (nil, false) }
        let count = table.rowCount == 0 ? nil : table.columns.last?.number(table.rowCount - 1).map { String(Int($0)) }
        return (count, !table.warnings.isEmpty)
    }

    @Test(arguments: [
        ("leads where segment = \"\(composed)\"", "5", false),
        ("leads where segment = \"\(decomposed)\"", "0", true),
        ("leads where segment in (\"\(decomposed)\")", "0", true),
        ("leads where segment != \"\(decomposed)\"", "10", true),
        ("leads where segment >= \"\(decomposed)\" and segment <= \"\(decomposed)\"", "0", false),
        ("leads where segment >= \"\(composed)\" and segment <= \"\(composed)\"", "5", false),
        // By bytes: `Caf` < `Cafe` and an accent < `Café` (its é is 0xC3, after `e`) < `SMB`.
        ("leads where segment > \"Caf\" and segment < \"\(decomposed)\"", "0", false),
        ("leads where segment > \"\(decomposed)\" and segment < \"SMB\"", "5", false),
        ("leads by segment having segment = \"\(decomposed)\"", nil, false),
        ("leads by segment having segment = \"\(composed)\"", "5", false),
    ] as [(String, String?, Bool)])
    func everyComparisonAgrees(statement: String, expected: String?, warns: Bool) throws {
        var session = try Self.session()
        let (count, warned) = Self.count(&session, statement)
        #expect(count == expected, "\(statement)")
        #expect(warned == warns, "\(statement)")
    }
}
