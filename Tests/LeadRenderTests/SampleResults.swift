import Foundation
import LeadEngine
import LeadQuery
import LeadStore
import Testing

/// Results to draw: statements on the example data, and made-up results
/// (`@name`) for shapes the example data does not have.
enum SampleResults {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    static func session() throws -> Session {
        let data = root.appendingPathComponent("examples/data")
        let store = try LeadStore(leads: DataSource(path: data.appendingPathComponent("leads.csv").path),
                                  touches: [DataSource(path: data.appendingPathComponent("touches.csv").path)])
        return Session(store: store, description: "examples")
    }

    /// The result of a statement or a made-up result; an error's message when the statement fails.
    static func table(_ text: String, session: inout Session) throws -> ResultTable {
        if text.hasPrefix("@") {
            guard let table = made[text] else { throw Missing(name: text) }
            return table
        }
        switch session.run(text) {
        case .success(.table(let table, _)): return table
        case .success(.done(let message)): throw Missing(name: message)
        case .success(.sql): throw Missing(name: text)
        case .failure(let diagnostic): throw Missing(name: diagnostic.message)
        }
    }

    struct Missing: Error { var name: String }

    static let rule = BandRule(excellent: 0.9, good: 0.7, lowerIsBetter: false)

    static func months(_ count: Int, from start: Int64 = 2025 * 12) -> ResultColumn {
        ResultColumn(name: "month", kind: .bucket(.month), values: .ints((0..<Int64(count)).map { start + $0 }))
    }

    static func days(_ count: Int) -> ResultColumn {
        let first = Int64(20_089)
        return ResultColumn(name: "day", kind: .bucket(.day), values: .ints((0..<Int64(count)).map { first + $0 }))
    }

    static func grouped(_ columns: [ResultColumn], keys: Int) -> ResultTable {
        var table = ResultTable(columns: columns, rowCount: columns[0].count)
        table.keyCount = keys
        return table
    }

    static func banded(_ name: String, _ values: [Double]) -> ResultColumn {
        var column = ResultColumn(name: name, kind: .ratio, values: .doubles(values),
                                  bands: values.map { $0.isNaN ? nil : rule.band(for: $0) })
        column.bandRule = rule
        return column
    }

    /// Made-up results by name.
    static let made: [String: ResultTable] = {
        var tables: [String: ResultTable] = [:]
        let changes = [0.04, -0.02, 0.0, -0.11, 0.07, 0.12, -0.05, 0.01, -0.08, 0.03, 0.09, -0.01]
        tables["@rate_change by month"] = grouped([months(12), ResultColumn(name: "rate_change", kind: .ratio, values: .doubles(changes))], keys: 1)
        let owners = ResultColumn(name: "owner", kind: .text, values: .strings(["Ana", "Ben", "Chidi", "Zoë"]))
        tables["@rate_change by owner"] = grouped([owners, ResultColumn(name: "rate_change", kind: .ratio, values: .doubles([0.12, -0.3, 0.05, -0.02]))], keys: 1)
        tables["@null rate by owner"] = grouped([owners, banded("rate", [.nan, .nan, .nan, .nan])], keys: 1)
        tables["@null rate by month"] = grouped([months(6), banded("rate", Array(repeating: .nan, count: 6))], keys: 1)
        let ratio = ResultColumn(name: "touches_per_lead", kind: .number, values: .doubles([1.5, .infinity, -.infinity, 2]))
        tables["@infinite by owner"] = grouped([owners, ratio], keys: 1)
        tables["@infinite by month"] = grouped([months(4), ratio], keys: 1)
        tables["@one month"] = grouped([months(1), banded("rate", [0.82])], keys: 1)
        let rates = (0..<24).map { 0.6 + 0.35 * sin(Double($0) / 3) }
        tables["@rate by month"] = grouped([months(24), banded("rate", rates)], keys: 1)
        let count = 10_000
        let leads = (0..<count).map { (row: Int) -> Int64 in
            let wave: Double = 40 * sin(Double(row) / 400)
            return Int64(50 + wave) + Int64(row % 7)
        }
        tables["@leads by day, 10000 rows"] = grouped([days(count), ResultColumn(name: "leads", kind: .count, values: .ints(leads))], keys: 1)
        let ids = ResultColumn(name: "lead_id", kind: .text, values: .strings((0..<count).map { "L\($0 + 1)" }))
        tables["@leads by lead_id, 10000 rows"] = grouped([ids, ResultColumn(name: "leads", kind: .count, values: .ints(leads))], keys: 1)
        let segments = ["SMB", "Mid-Market", "Enterprise"]
        let monthKeys = (0..<Int64(12)).flatMap { m in segments.map { _ in 2025 * 12 + m } }
        let segmentKeys = (0..<12).flatMap { _ in segments }
        let seriesRates = (0..<36).map { 0.55 + 0.4 * sin(Double($0) / 5) }
        tables["@rate by month, segment"] = grouped([
            ResultColumn(name: "month", kind: .bucket(.month), values: .ints(monthKeys)),
            ResultColumn(name: "segment", kind: .text, values: .strings(segmentKeys)), banded("rate", seriesRates),
        ], keys: 2)
        let nine = (0..<9).map { "S\($0 + 1)" }
        tables["@rate by month, nine sources"] = grouped([
            ResultColumn(name: "month", kind: .bucket(.month), values: .ints(nine.map { _ in 2025 * 12 })),
            ResultColumn(name: "source", kind: .text, values: .strings(nine)), banded("rate", nine.map { _ in 0.5 }),
        ], keys: 2)
        return tables
    }()
}
