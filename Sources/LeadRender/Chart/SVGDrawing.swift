import LeadEngine

/// One panel drawn as SVG elements, from `top` down; `bottom` is where it ends.
struct SVGDrawing {
    var text = ""
    let top: Double
    var bottom: Double
    let left = 70.0, right = SVGChart.width - 20
    let glyphs = Glyphs(unicode: true)

    init(top: Double) {
        self.top = top
        bottom = top
    }

    mutating func add(_ element: String) { text += element + "\n" }

    mutating func label(_ content: String, x: Double, y: Double, anchor: String = "start", size: Int? = nil, weight: String? = nil, fill: String = Palette.text) {
        var attributes = "x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" fill=\"\(fill)\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if let size { attributes += " font-size=\"\(size)\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        add("<text \(attributes)>\(Markup.escape(content))</text>")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, dashed: Bool = false, width: Double = 1) {
        add("<line x1=\"\(Markup.number(x1))\" y1=\"\(Markup.number(y1))\" x2=\"\(Markup.number(x2))\" y2=\"\(Markup.number(y2))\" stroke=\"\(stroke)\""
            + (width == 1 ? "" : " stroke-width=\"\(Markup.number(width))\"") + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>")
    }

    /// A filled rectangle; `title` is the text a viewer shows on hovering it (the point's label and value).
    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String, title: String? = nil) {
        let shape = "<rect x=\"\(Markup.number(x))\" y=\"\(Markup.number(y))\" width=\"\(Markup.number(max(width, 0)))\" height=\"\(Markup.number(max(height, 0)))\" fill=\"\(fill)\""
        add(shape + (title.map { "><title>\(Markup.escape($0))</title></rect>" } ?? "/>"))
    }

    /// A point of a series: its marker as text when there are few points, a dot otherwise, with its label and value as a title.
    mutating func point(_ marker: String?, x: Double, y: Double, fill: String, title: String) {
        let hover = "<title>\(Markup.escape(title))</title>"
        if let marker {
            add("<text x=\"\(Markup.number(x))\" y=\"\(Markup.number(y + 4))\" fill=\"\(fill)\" text-anchor=\"middle\" font-size=\"11\">\(hover)\(Markup.escape(marker))</text>")
        } else {
            add("<circle cx=\"\(Markup.number(x))\" cy=\"\(Markup.number(y))\" r=\"2\" fill=\"\(fill)\">\(hover)</circle>")
        }
    }

    mutating func heading(_ panel: ChartPanel) {
        var title = panel.title
        if panel.perPoint > 1 { title += " (" + RenderMessages.downsampled(panel.rowCount, perPoint: panel.perPoint) + ")" }
        label(title, x: 8, y: top + 18, size: 14, weight: "bold")
        bottom = top + 28
    }

    /// The legend under a panel: series, bands, the excellent line.
    mutating func legend(_ panel: ChartPanel) {
        var entries: [(mark: String, text: String, color: String)] = []
        if panel.series.count > 1 {
            for (index, series) in panel.series.enumerated() { entries.append((glyphs.seriesMarker(index), series.name, Palette.series(index))) }
        }
        if panel.isBanded {
            entries.append((glyphs.mark(.excellent), RenderMessages.excellent, Palette.band(.excellent)))
            entries.append((glyphs.mark(.good), RenderMessages.good, Palette.band(.good)))
            entries.append((glyphs.mark(.attention), RenderMessages.attention, Palette.band(.attention)))
        }
        if let rule = panel.rule, panel.hasValues {
            entries.append(("╌", RenderMessages.ruleLegend(ValueFormatter.tick(rule.excellent, kind: panel.kind)), Palette.rule))
        }
        guard !entries.isEmpty else { return }
        var x = 8.0, y = bottom + 16
        for entry in entries {
            let width = Double(entry.text.count + 3) * 7 + 12
            if x + width > SVGChart.width - 8 {
                x = 8
                y += 18
            }
            label(entry.mark, x: x, y: y, fill: entry.color)
            label(entry.text, x: x + 16, y: y)
            x += width
        }
        bottom = y + 8
    }

    /// A note where a panel has nothing to draw.
    mutating func note(_ message: String) {
        label("(\(message))", x: 8, y: bottom + 16, fill: Palette.axis)
        bottom += 28
    }
}
