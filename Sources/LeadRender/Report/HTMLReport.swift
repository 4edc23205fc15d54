import Foundation
import LeadEngine

/// One part of a report: a title (the comment line above the statement, or
/// the statement), the statement, its result as a table and as a chart.
public struct ReportSection: Sendable {
    public var title: String
    public var statement: String
    public var table: ResultTable

    public init(title: String?, statement: String, table: ResultTable) {
        let trimmed = statement.trimmingWhitespaceAndNewlines
        self.title = title.flatMap { $0.isEmpty ? nil : $0 } ?? trimmed
        self.statement = trimmed
        self.table = table
    }
}

/// A self-contained HTML page of report sections: no scripts, fonts or links,
/// styles inline, charts as inline SVG; it parses as XML too (XHTML syntax),
/// prints one section per page break where it must, and is the same bytes
/// on every run. Sections are appended before an end marker, so a script of
/// `| export append` statements builds one page.
public enum HTMLReport {
    static let endMarker = "<!-- leadq: sections end -->"

    /// A new page holding one section.
    public static func page(_ section: ReportSection) -> String {
        head + self.section(section) + endMarker + "\n" + tail
    }

    /// The page with a section added at its end; nil when the text is not a leadq report.
    public static func appending(_ section: ReportSection, to page: String) -> String? {
        guard let marker = page.range(of: endMarker, options: .backwards) else { return nil }
        return String(page[..<marker.lowerBound]) + self.section(section) + String(page[marker.lowerBound...])
    }

    static func section(_ section: ReportSection) -> String {
        var html = "<section>\n<h2>\(Markup.escape(section.title))</h2>\n"
        html += "<pre class=\"statement\">\(Markup.escape(section.statement))</pre>\n"
        html += HTMLTable.render(section.table)
        do {
            let panels = try ChartPlan.panels(for: section.table)
            html += "<figure>\n" + SVGChart().element(panels) + "</figure>\n"
        } catch {
            html += "<p class=\"note\">\(Markup.escape(error.description))</p>\n"
        }
        return html + "</section>\n"
    }

    static let head = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(RenderMessages.reportTitle)</title>
        <style>
        body { font-family: sans-serif; color: #222; margin: 2em auto; max-width: 60em; padding: 0 1em; }
        h1 { font-size: 1.5em; }
        h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
        pre.statement { background: #f4f4f4; padding: 0.5em; white-space: pre-wrap; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }
        th { background: #eee; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        td.excellent { background: #e3f1e4; color: #1b5e20; }
        td.good { background: #fdf3d0; color: #6d5200; }
        td.attention { background: #fbe1e1; color: #8e1b1b; }
        td.null { color: #999; }
        figure { margin: 1em 0; }
        figure svg { max-width: 100%; height: auto; }
        p.note, p.legend { color: #555; }
        @media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } h2 { break-after: avoid; } }
        </style>
        </head>
        <body>
        <main>
        <h1>\(RenderMessages.reportTitle)</h1>

        """

    static let tail = """
        </main>
        </body>
        </html>

        """
}

extension String {
    var trimmingWhitespaceAndNewlines: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
