import LeadEngine

/// Draws a result as a chart of text lines for a terminal of a given size:
/// one panel per measure, stacked, within `style.height` lines where the
/// panels fit (each keeps at least a few lines to stay readable).
public struct TextChart: Sendable {
    public var style: ChartStyle

    public init(style: ChartStyle) { self.style = style }

    public func render(_ table: ResultTable) throws(ChartError) -> [String] {
        render(try ChartPlan.panels(for: table))
    }

    func render(_ panels: [ChartPanel]) -> [String] {
        let each = max(8, (style.height - (panels.count - 1)) / max(panels.count, 1))
        var lines: [String] = []
        for (index, panel) in panels.enumerated() {
            if index > 0 { lines.append("") }
            lines += draw(panel, height: each)
        }
        return lines
    }

    var glyphs: Glyphs { Glyphs(unicode: style.unicode) }

    func draw(_ panel: ChartPanel, height: Int) -> [String] {
        guard panel.categoryCount > 0 else { return [clip(panel.title), "(\(RenderMessages.noRows))"] }
        switch panel.shape {
        case .overTime(let unit):
            guard panel.hasValues else { return [clip(panel.title), "(\(RenderMessages.noValues))"] }
            return drawOverTime(panel, unit: unit, height: height)
        case .bars:
            return drawBars(panel, height: height)
        }
    }

    /// The legend's entries, wrapped to the width: bands, the band line, series.
    func legend(_ panel: ChartPanel, bandMarks: Bool) -> [String] {
        let glyphs = self.glyphs
        var entries: [(text: String, color: String?)] = []
        if panel.series.count > 1 {
            for (index, series) in panel.series.enumerated() {
                entries.append((glyphs.seriesMarker(index) + " " + series.name, panel.isBanded ? nil : Glyphs.seriesColor(index)))
            }
        }
        if bandMarks || (panel.isBanded && style.color) {
            for band in Band.allCases {
                let name = switch band {
                case .excellent: RenderMessages.excellent
                case .good: RenderMessages.good
                case .attention: RenderMessages.attention
                }
                entries.append(((bandMarks ? glyphs.mark(band) + " " : "") + name, Glyphs.color(band)))
            }
        }
        if let rule = panel.rule, panel.hasValues {
            let symbol = panel.shape == .bars ? glyphs.ruleDown : glyphs.ruleAcross
            entries.append((symbol + " " + RenderMessages.ruleLegend(ValueFormatter.tick(rule.excellent, kind: panel.kind)), nil))
        }
        var lines: [String] = [], current = "", currentWidth = 0
        for entry in entries {
            let width = entry.text.count
            if currentWidth > 0 && currentWidth + 3 + width > style.width {
                lines.append(current)
                current = ""
                currentWidth = 0
            }
            if currentWidth > 0 {
                current += "   "
                currentWidth += 3
            }
            current += style.color && entry.color != nil ? "\u{1B}[\(entry.color!)m\(entry.text)\u{1B}[0m" : entry.text
            currentWidth += width
        }
        if currentWidth > 0 { lines.append(current) }
        return lines
    }

    /// The title, with a note when points stand for several rows, cut to the width.
    func heading(_ panel: ChartPanel) -> String {
        var title = panel.title
        if panel.perPoint > 1 { title += " (" + RenderMessages.downsampled(panel.rowCount, perPoint: panel.perPoint) + ")" }
        return clip(title)
    }

    func clip(_ text: String) -> String {
        guard text.count > style.width else { return text }
        return String(text.prefix(style.width - 1)) + (style.unicode ? "…" : ".")
    }
}
