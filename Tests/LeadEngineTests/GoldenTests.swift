import Foundation
import LeadEngine
import LeadQuery
import LeadSQL
import LeadStore
import Testing

/// Golden tests: text files of statements and the tables (or errors) they
/// must give on the hand-made example data. A block is a line `> statement`,
/// then the expected lines, then a blank line. Statements in one file share
/// a session, so `set` and `let` carry on. Run with LEADQ_UPDATE_GOLDEN=1 to
/// rewrite the files from what the engine gives (and then read the diff).
@Suite struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".golden") }.sorted()

    @Test func thereAreGoldenFiles() { #expect(Self.files.count >= 1) }

    @Test(arguments: files)
    func golden(file: String) throws {
        let path = Self.folder.appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        let data = Self.dataFolder(text)
        let store = try LeadStore(leads: DataSource(path: data.appendingPathComponent("leads.csv").path),
                                  touches: [DataSource(path: data.appendingPathComponent("touches.csv").path)])
        var session = Session(store: store, description: "examples")
        var rewritten: [String] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        while let line = lines.first {
            lines = lines.dropFirst()
            guard line.hasPrefix("> ") else {
                rewritten.append(line)
                continue
            }
            let statement = String(line.dropFirst(2))
            var expected: [String] = []
            while let next = lines.first, !next.isEmpty, !next.hasPrefix("> ") {
                expected.append(next)
                lines = lines.dropFirst()
            }
            let actual = Self.render(session.run(statement))
            #expect(actual == expected, "\(file): \(statement)\nexpected:\n\(expected.joined(separator: "\n"))\nactual:\n\(actual.joined(separator: "\n"))")
            rewritten += [line] + actual
            if let next = lines.first, !next.isEmpty { rewritten.append("") }
        }
        if ProcessInfo.processInfo.environment["LEADQ_UPDATE_GOLDEN"] == "1" {
            try rewritten.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
        }
    }

    /// The folder of the data a golden file runs on: the example data, or
    /// the folder beside the golden files its first line names (`# data: lead_zones`).
    static func dataFolder(_ text: String) -> URL {
        let first = text.prefix { $0 != "\n" }
        guard first.hasPrefix("# data: ") else { return folder.appendingPathComponent("../../../examples/data").standardizedFileURL }
        return folder.appendingPathComponent(String(first.dropFirst(8)).trimmingCharacters(in: .whitespaces))
    }

    /// A result as the golden files write it: warnings and errors first, then
    /// `header | header` and one line per row; ratios, durations (in hours) and
    /// numbers to four decimals, buckets by label, null as ∅, bands in brackets.
    static func render(_ outcome: Result<StatementOutcome, Diagnostic>) -> [String] {
        switch outcome {
        case .failure(let diagnostic):
            return ["error \(diagnostic.range): \(diagnostic.message)" + (diagnostic.fixIt.map { " [fix: \($0)]" } ?? "")]
        case .success(.done(let message)):
            return ["ok: \(message)"]
        case .success(.sql(let plan)):
            do {
                return try SQLCompiler.compile(plan).split(separator: "\n").map(String.init)
            } catch {
                return render(.failure(error))
            }
        case .success(.table(let table, _)):
            var lines = table.warnings.map { "warning \($0.range): \($0.message)" }
            lines.append(table.columns.map(\.name).joined(separator: " | "))
            for row in 0..<table.rowCount {
                lines.append(table.columns.map { cell($0, row) }.joined(separator: " | "))
            }
            return lines
        }
    }

    static func cell(_ column: ResultColumn, _ row: Int) -> String {
        var text: String
        switch (column.cell(row), column.kind) {
        case (.null, _): text = "∅"
        case (.int(let v), .bucket): text = column.bucketLabel(v) ?? "?"
        case (.int(let v), .timestamp): text = CivilDate.iso8601(v)
        case (.int(let v), .boolean): text = v != 0 ? "true" : "false"
        case (.int(let v), .labels(let labels)): text = labels[Int(v)]
        case (.int(let v), _): text = String(v)
        case (.double(let v), .duration): text = String(format: "%.4fh", TimeScale.hours(v))
        case (.double(let v), _): text = String(format: "%.4f", v)
        case (.text(let v), _): text = v
        }
        if let band = column.bands?[row] { text += " [\(band.rawValue)]" }
        return text
    }
}
