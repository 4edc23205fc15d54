import Foundation
import LeadEngine
import LeadRender
import LeadStore
import Testing

/// Golden tests of terminal charts: a block is a line `> WxH [ascii] statement`
/// and the chart it must draw (colour off) up to the next `> ` line. A
/// statement runs on the example data; `@name` names a made-up result
/// (`SampleResults`). Run with LEADQ_UPDATE_GOLDEN=1 to rewrite the files
/// from what the charts give (and then read the diff).
@Suite struct ChartGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".golden") }.sorted()

    @Test func thereAreGoldenFiles() { #expect(Self.files.count >= 1) }

    @Test(arguments: files)
    func golden(file: String) throws {
        let path = Self.folder.appendingPathComponent(file)
        let text = try String(contentsOf: path, encoding: .utf8)
        var session = try SampleResults.session()
        var rewritten: [String] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        while let line = lines.first {
            lines = lines.dropFirst()
            guard line.hasPrefix("> ") else {
                rewritten.append(line)
                continue
            }
            var expected: [String] = []
            while let next = lines.first, !next.hasPrefix("> ") {
                expected.append(next)
                lines = lines.dropFirst()
            }
            while expected.last == "" { expected.removeLast() }
            let actual = try Self.chart(line, session: &session)
            #expect(actual == expected, "\(file): \(line)\nexpected:\n\(expected.joined(separator: "\n"))\nactual:\n\(actual.joined(separator: "\n"))")
            rewritten += [line] + actual
            if !lines.isEmpty { rewritten.append("") }
        }
        if ProcessInfo.processInfo.environment["LEADQ_UPDATE_GOLDEN"] == "1" {
            try (rewritten.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        }
    }

    /// The chart a block's heading asks for, or `error: …`.
    static func chart(_ heading: String, session: inout Session) throws -> [String] {
        var words = heading.dropFirst(2).split(separator: " ", maxSplits: 1).map(String.init)
        let size = words[0].split(separator: "x").compactMap { Int($0) }
        var rest = words.count > 1 ? words[1] : ""
        let ascii = rest.hasPrefix("ascii ")
        if ascii { rest = String(rest.dropFirst(6)) }
        words = []
        let table: ResultTable
        do {
            table = try SampleResults.table(rest, session: &session)
        } catch let missing as SampleResults.Missing {
            return ["error: \(missing.name)"]
        }
        let style = ChartStyle(width: size[0], height: size[1], color: false, unicode: !ascii)
        do {
            let lines = try TextChart(style: style).render(table)
            #expect(lines.count <= size[1] || table.columns.count > 3, "\(heading): \(lines.count) lines")
            #expect(lines.allSatisfy { $0.count <= size[0] }, "\(heading): a line is wider than \(size[0])")
            return lines
        } catch {
            return ["error: \(error.description)"]
        }
    }
}
