import LeadStore

/// Every text the pictures show that is not a value: errors, notes, legends.
public enum RenderMessages {
    static func tooManySeries(_ count: Int, key: String) -> String {
        "the chart would have \(count) series, one per \(key); at most \(ChartPlan.maximumSeries) fit: narrow it with where \(key) in (…)"
    }
    static let nothingToChart = "nothing to chart: the result has no measure"
    static let noRows = "no rows"
    static let noValues = "no values"
    static func moreRows(_ count: Int) -> String { "… \(Quantity.grouped(count)) more row\(count == 1 ? "" : "s")" }
    static func downsampled(_ rows: Int, perPoint: Int) -> String {
        "\(Quantity.grouped(rows)) rows, \(Quantity.grouped(perPoint)) averaged per point"
    }
    static let excellent = "excellent", good = "good", attention = "needs attention"
    static func ruleLegend(_ value: String) -> String { "excellent at \(value)" }
    public static let notAReport = "is not a leadq report, so nothing can be appended to it"
    public static let reportTitle = "leadq report"
    static let valueHeader = "Value"
}

extension RenderMessages {
    static func tooManyKeys(_ count: Int) -> String {
        "a chart shows one or two keys, and this result has \(count): keep two in by, or export the table"
    }
}
