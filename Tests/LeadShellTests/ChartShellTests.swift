import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `| chart`, `.chart`, `| chart "f.svg"`, `| export "f.html"` and
/// `| export append` through the leadq binary.
@Suite struct ChartShellTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-charts-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static let plain = ["COLUMNS": "60", "LINES": "12", "LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": "", "NO_COLOR": "1"]

    @Test func chartInAScriptIsTextSizedByColumnsAndLines() throws {
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", "rate by owner | chart"], environment: Self.plain)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            rate by owner
            Ana Souza     ████████████████████████▋        ┊ 66.7% ○
            Ben Carter    █████████████████████████████████████ 100.0% ●
            Okafor, Chidi ████████████████████████▋        ┊ 66.7% ○
            Zoë Ångström  ████████████▍                    ┊ 33.3% ○
            ● excellent   ◐ good   ○ needs attention
            ┊ excellent at 90%

            """)
    }

    @Test func anotherEncodingGetsASCII() throws {
        var environment = Self.plain
        environment["LANG"] = "en_US.ISO-8859-1"
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", "rate by month | chart"], environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("+---"))
        #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "\(result.stdout)")
        environment["LANG"] = nil
        let unset = try LeadQProcess.run(["examples/data", "--no-init", "-c", "rate by month | chart"], environment: environment.filter { $0.key != "LANG" })
        #expect(unset.stdout.contains("└───"))
    }

    @Test func withoutSizeTheChartIsEightyByTwentyFour() throws {
        var environment = Self.plain
        environment["COLUMNS"] = ""
        environment["LINES"] = ""
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", "leads by lead_id | chart"], environment: environment)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 13)
        #expect(lines.map(\.count).max() == 80)
    }

    @Test func dotChartDrawsTheLastResultAndOnMakesEveryResultDraw() throws {
        let result = try LeadQProcess.run([
            "examples/data", "--no-init", "-c", "leads by segment", "-c", ".chart", "-c", ".chart on", "-c", "rate", "-c", ".chart off", "-c", "leads",
        ], environment: Self.plain)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            segment,leads
            Enterprise,3
            Mid-Market,3
            SMB,6
            leads by segment
            Enterprise ███████████████████████▌ 3
            Mid-Market ███████████████████████▌ 3
            SMB        ███████████████████████████████████████████████ 6
            rate
            0.6666666666666666
            rate
            rate ██████████████████████████████████▉           ┊ 66.7% ○
            ● excellent   ◐ good   ○ needs attention
            ┊ excellent at 90%
            leads
            12

            """)
        let usage = try LeadQProcess.run(["examples/data", "--no-init", "-c", ".chart sometimes"])
        #expect(usage.status == 1)
        #expect(usage.stderr == "-c:1:1: error: usage: .chart [on|off]\n")
        let none = try LeadQProcess.run(["examples/data", "--no-init", "-c", ".chart"])
        #expect(none.stderr == "-c:1:1: error: there is no result to chart yet\n")
    }

    @Test func tooManySeriesIsAnErrorAtTheChart() throws {
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", "leads by month, lead_id | chart"], environment: Self.plain)
        #expect(result.status == 1)
        #expect(result.stderr == "-c:1:27: error: the chart would have 12 series, one per lead_id; at most 8 fit: narrow it with where lead_id in (…)\n")
    }

    @Test func svgFilesAreWholeParseAndRepeatByteForByte() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = folder.appendingPathComponent("rate.svg").path
        let first = try LeadQProcess.run(["examples/data", "--no-init", "-c", "rate by month | chart \"\(svg)\""])
        #expect(first.status == 0 && first.stdout == "" && first.stderr == "")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: svg))
        #expect(XMLParser(data: bytes).parse())
        _ = try LeadQProcess.run(["examples/data", "--no-init", "-c", "rate by month | chart \"\(svg)\""])
        #expect(try Data(contentsOf: URL(fileURLWithPath: svg)) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        for value in ["2026-01: 57.1%", "2026-02: 100.0%", "2026-03: 66.7%", "<text"] { #expect(text.contains(value)) }
        let wrongName = try LeadQProcess.run(["examples/data", "--no-init", "-c", "rate | chart \"rate.png\""])
        #expect(wrongName.stderr == "-c:1:8: error: charts are written as SVG: name the file with .svg, not rate.png\n")
    }

    @Test func exportAppendBuildsOnePageTitledByComments() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("weekly.html").path
        let script = folder.appendingPathComponent("weekly.lq")
        try """
            # Follow-up rate by month
            rate by month | export append "\(page)"

            -- Speed by owner
            speed by owner | export append "\(page)"
            leads by segment | export append "\(page)"
            """.write(to: script, atomically: true, encoding: .utf8)
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-f", script.path])
        #expect(result.status == 0 && result.stderr == "")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(XMLParser(data: Data(html.utf8)).parse())
        let titles = html.components(separatedBy: "<h2>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(titles == ["Follow-up rate by month", "Speed by owner", "leads by segment"])
        #expect(html.contains("<pre class=\"statement\">rate by month</pre>"))
        #expect(html.contains("<td class=\"number attention\">57.1% ○</td>"))
        _ = try LeadQProcess.run(["examples/data", "--no-init", "-c", "leads | export append \"\(page)\""])
        #expect(try String(contentsOfFile: page, encoding: .utf8).components(separatedBy: "<section>").count == 5)

        let other = folder.appendingPathComponent("other.html").path
        try "<p>mine</p>\n".write(toFile: other, atomically: true, encoding: .utf8)
        let refused = try LeadQProcess.run(["examples/data", "--no-init", "-c", "leads | export append \"\(other)\""])
        #expect(refused.status == 1)
        #expect(refused.stderr == "-c:1:9: error: \(other) is not a leadq report, so nothing can be appended to it\n")
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "<p>mine</p>\n")
    }

    @Test func exportToHTMLWritesANewPageEachTime() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html").path
        for _ in 0..<2 {
            let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", "rate by segment | export \"\(page)\""])
            #expect(result.status == 0)
        }
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.components(separatedBy: "<section>").count == 2)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let dotExport = try LeadQProcess.run(["examples/data", "--no-init", "-c", "speed by owner", "-c", ".export \(page)"])
        #expect(dotExport.status == 0)
        let last = try String(contentsOfFile: page, encoding: .utf8)
        #expect(last.contains("<h2>speed by owner</h2>\n<pre class=\"statement\">speed by owner</pre>"))
    }

    @Test func theTerminalsOwnWidthWins() throws {
        var environment = Self.plain
        environment["TERM"] = "xterm"
        environment["HOME"] = folder.path
        defer { try? FileManager.default.removeItem(at: folder) }
        let shell = try PseudoTerminal(arguments: ["examples/data", "--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> "), "no prompt:\n\(shell.screen)")
        let mark = shell.mark
        shell.type("leads by lead_id | chart\r")
        #expect(shell.wait(for: "L12 ", after: mark), "no chart:\n\(shell.screen)")
        #expect(shell.wait(for: " 1\r\n", after: mark))
        // The pseudo-terminal is 100 columns wide; COLUMNS=60 must not narrow the chart.
        #expect(shell.screen[mark...].contains(String(repeating: "█", count: 90)), "\(shell.screen[mark...])")
        #expect(shell.quit() == 0)
    }

    @Test func onATerminalColoursReachItAndDataEscapesShowAsText() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let leads = folder.appendingPathComponent("leads.csv").path
        try "lead_id,created_at,owner\nL1,2026-01-05T09:00:00Z,Ana\u{1B}[2J\nL2,2026-01-06T09:00:00Z,Ben\n".write(toFile: leads, atomically: true, encoding: .utf8)
        // With no touches file, rate would be null and the chart empty.
        let touches = folder.appendingPathComponent("touches.csv").path
        try "lead_id,at\nL1,2026-01-05T10:00:00Z\n".write(toFile: touches, atomically: true, encoding: .utf8)
        var environment = Self.plain
        environment["NO_COLOR"] = nil
        environment["TERM"] = "xterm"
        environment["HOME"] = folder.path
        let shell = try PseudoTerminal(arguments: ["--leads", leads, "--touches", touches, "--no-init"], environment: environment.filter { $0.key != "NO_COLOR" })
        #expect(shell.wait(for: "leadq> "), "no prompt:\n\(shell.screen)")
        let mark = shell.mark
        shell.type("rate by owner | chart\r")
        #expect(shell.wait(for: "excellent at 90%", after: mark), "no chart:\n\(shell.screen)")
        let screen = shell.screen[mark...]
        #expect(screen.contains("Ana\\e[2J"), "\(screen)")
        #expect(!screen.contains("Ana\u{1B}"))
        #expect(screen.contains("\u{1B}[32m● excellent\u{1B}[0m"), "\(screen)")
        #expect(shell.quit() == 0)
    }
}
