import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LeadEngine
import LeadRender
import Testing

/// SVG charts and HTML reports: they parse as XML, hold every value of the
/// table as text, and are the same bytes on every run.
@Suite struct PictureFileTests {
    static let statements = [
        "rate by segment", "leads, rate, speed by owner", "rate by month", "rate, speed by week", "rate by month, segment",
        "touches by channel, segment", "rate", "rate by segment where segment = \"Nobody\"",
        "@rate_change by month", "@rate_change by owner", "@null rate by owner", "@null rate by month", "@one month",
    ]

    @Test(arguments: statements)
    func svgParsesAndHoldsEveryValue(statement: String) throws {
        var session = try SampleResults.session()
        let table = try SampleResults.table(statement, session: &session)
        let svg = try SVGChart().document(table)
        let text = try Self.parsedText(svg)
        for value in Self.values(table, measuresOnly: false) { #expect(text.contains(value), "\(statement): \(value) is missing") }
        #expect(try SVGChart().document(table) == svg)
        #expect(!svg.contains("href"), "no links or external resources")
    }

    @Test(arguments: statements)
    func htmlParsesAndHoldsEveryValue(statement: String) throws {
        var session = try SampleResults.session()
        let table = try SampleResults.table(statement, session: &session)
        let section = ReportSection(title: "# \(statement)", statement: statement, table: table)
        let page = HTMLReport.page(section)
        let text = try Self.parsedText(page)
        for value in Self.values(table, measuresOnly: false) { #expect(text.contains(value), "\(statement): \(value) is missing") }
        #expect(text.contains(statement))
        #expect(HTMLReport.page(section) == page)
        for forbidden in ["<script", "<link", "@import", "url(", "src=", "href="] { #expect(!page.contains(forbidden), "\(forbidden)") }
    }

    @Test func appendingAddsSectionsInOrderAndRefusesOtherPages() throws {
        var session = try SampleResults.session()
        let first = ReportSection(title: "Follow-up rate by month", statement: "rate by month", table: try SampleResults.table("rate by month", session: &session))
        let second = ReportSection(title: nil, statement: "speed by owner\n", table: try SampleResults.table("speed by owner", session: &session))
        let page = try #require(HTMLReport.appending(second, to: HTMLReport.page(first)))
        _ = try Self.parsedText(page)
        let titles = page.components(separatedBy: "<h2>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(titles == ["Follow-up rate by month", "speed by owner"])
        #expect(HTMLReport.appending(second, to: "<html><body>mine</body></html>") == nil)
    }

    @Test func bigResultsStaySmall() throws {
        var session = try SampleResults.session()
        let svg = try SVGChart().document(try SampleResults.table("@leads by day, 10000 rows", session: &session))
        #expect(svg.utf8.count < 200_000)
        _ = try Self.parsedText(svg)
        let bars = try SVGChart().document(try SampleResults.table("@leads by lead_id, 10000 rows", session: &session))
        #expect(bars.contains("9,940 more rows"))
    }

    @Test func tooManySeriesIsAnErrorThatSaysHowToNarrow() throws {
        var session = try SampleResults.session()
        let table = try SampleResults.table("@rate by month, nine sources", session: &session)
        #expect(throws: ChartError.self) { try SVGChart().document(table) }
        let page = HTMLReport.page(ReportSection(title: nil, statement: "rate by month, source", table: table))
        #expect(page.contains("where source in (…)"))
    }

    /// Every value as the table shows it: keys and measures, formatted.
    static func values(_ table: ResultTable, measuresOnly: Bool) -> [String] {
        var values: [String] = []
        for column in table.columns {
            for row in 0..<table.rowCount {
                if let text = ValueFormatter.display(column.cell(row), in: column) { values.append(text) }
            }
        }
        return values
    }

    /// The text of a document, read by an XML parser; throws when it is not well-formed.
    static func parsedText(_ document: String) throws -> String {
        let parser = XMLParser(data: Data(document.utf8))
        let collector = TextCollector()
        parser.delegate = collector
        guard parser.parse() else { throw ParseFailure(message: parser.parserError.map { "\($0)" } ?? "unknown") }
        return collector.text
    }

    struct ParseFailure: Error { var message: String }

    final class TextCollector: NSObject, XMLParserDelegate {
        var text = ""
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }
}
