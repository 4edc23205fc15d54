import LeadEngine
import LeadStore

/// A result as an HTML table: numbers right-aligned, null as `—`, banded
/// cells coloured by band with their mark, so they read in black and white too.
enum HTMLTable {
    static func render(_ table: ResultTable) -> String {
        let glyphs = Glyphs(unicode: true)
        let numeric = table.columns.map { column -> Bool in
            switch column.kind {
            case .text, .bucket, .timestamp: false
            default: true
            }
        }
        var html = "<table>\n<thead><tr>"
        for (index, column) in table.columns.enumerated() {
            html += numeric[index] ? "<th class=\"number\">" : "<th>"
            html += Markup.escape(column.name) + "</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in 0..<table.rowCount {
            html += "<tr>"
            for (index, column) in table.columns.enumerated() {
                var classes: [String] = numeric[index] ? ["number"] : []
                let shown = ValueFormatter.display(column.cell(row), in: column)
                var text = shown ?? glyphs.missing
                if shown == nil { classes.append("null") }
                if let band = column.bands?[row] {
                    classes.append(band.rawValue)
                    text += " " + glyphs.mark(band)
                }
                html += classes.isEmpty ? "<td>" : "<td class=\"\(classes.joined(separator: " "))\">"
                html += Markup.escape(text) + "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p class=\"legend\">\(table.rowCount == 1 ? "1 row" : "\(Quantity.grouped(table.rowCount)) rows")"
        if table.columns.contains(where: { $0.bands != nil }) {
            html += " · ● \(RenderMessages.excellent) ◐ \(RenderMessages.good) ○ \(RenderMessages.attention)"
        }
        return html + "</p>\n"
    }
}
