import LeadEngine

/// Draws a result as SVG: the terminal chart's layout (columns or points
/// over time, bars in result order, one panel per measure, stacked) with
/// real text, band colours and marks, the excellent line dashed; no fonts,
/// scripts or links; the same bytes on every run.
public struct SVGChart: Sendable {
    public static let width = 760.0
    /// Points over time beyond this are averaged together; bars beyond this are counted, not drawn.
    static let maximumPoints = 380, maximumBars = 60

    public init() {}

    /// A standalone `.svg` file.
    public func document(_ table: ResultTable) throws(ChartError) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(try ChartPlan.panels(for: table))
    }

    /// The `<svg>` element, for a page to hold inline.
    public func element(_ panels: [ChartPanel]) -> String {
        var body = "", top = 0.0
        for panel in panels {
            var drawing = SVGDrawing(top: top)
            switch panel.shape {
            case .overTime: drawing.overTime(panel.downsampled(toAtMost: Self.maximumPoints))
            case .bars: drawing.bars(panel)
            }
            body += drawing.text
            top = drawing.bottom + 16
        }
        let height = Markup.number(max(top, 40))
        let title = Markup.escape(panels.map(\.title).joined(separator: "; "))
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Markup.number(Self.width)) \(height)\" "
            + "width=\"\(Markup.number(Self.width))\" height=\"\(height)\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n"
            + "<title>\(title)</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body + "</svg>\n"
    }
}

/// The colours of the pictures: bands as traffic lights, series in eight hues.
enum Palette {
    static func band(_ band: Band) -> String {
        switch band {
        case .excellent: "#2e7d32"
        case .good: "#e0a800"
        case .attention: "#c62828"
        }
    }

    static func series(_ index: Int) -> String {
        ["#4e79a7", "#f28e2b", "#76b7b2", "#b07aa1", "#59a14f", "#e15759", "#9c755f", "#edc948"][index % 8]
    }

    static let plain = "#4e79a7", grid = "#dddddd", axis = "#555555", rule = "#333333", text = "#222222"
}
