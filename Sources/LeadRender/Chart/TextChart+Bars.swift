import LeadEngine

/// A panel of horizontal bars, one per category in result order (grouped
/// by category when a second key gives several series), each with its value
/// (and band mark) at its end; rows past the height are counted, not drawn.
extension TextChart {
    func drawBars(_ panel: ChartPanel, height: Int) -> [String] {
        let glyphs = self.glyphs
        let banded = panel.isBanded
        let legendLines = legend(panel, bandMarks: banded)
        let seriesCount = panel.series.count
        let available = max(1, height - 1 - legendLines.count)
        var shownCategories = min(panel.categoryCount, max(1, available / seriesCount))
        if shownCategories < panel.categoryCount {
            shownCategories = max(1, (available - 1) / seriesCount)
        }
        let labels = (0..<shownCategories).map { clipLabel(panel.label($0)) }
        let labelWidth = labels.map(\.count).max() ?? 0
        func valueText(_ series: ChartSeries, _ index: Int) -> String {
            guard let value = series.values[index] else { return glyphs.missing }
            return panel.format(value) + (series.bands[index].map { " " + glyphs.mark($0) } ?? "")
        }
        let valueWidth = (0..<shownCategories).flatMap { index in panel.series.map { valueText($0, index).count } }.max() ?? 1
        let markerWidth = seriesCount > 1 ? 2 : 0
        let barWidth = max(5, style.width - labelWidth - 1 - markerWidth - 1 - valueWidth)
        let range = panel.valueRange(categories: shownCategories)
        let low = range.low, high = range.high - range.low < 1e-12 ? range.low + 1 : range.high
        func eighths(_ value: Double) -> Int { Int(((value - low) / (high - low) * Double(barWidth * 8)).rounded()) }
        let zero = eighths(0)
        let rule = panel.rule.map { min(eighths($0.excellent) / 8, barWidth - 1) }

        var lines = [clip(panel.title)]
        for index in 0..<shownCategories {
            for (number, series) in panel.series.enumerated() {
                var canvas = TextCanvas(width: barWidth, height: 1)
                let color = series.bands[index].map(Glyphs.color) ?? (seriesCount > 1 ? Glyphs.seriesColor(number) : nil)
                var end = zero / 8
                if let value = series.values[index] {
                    let tip = eighths(value)
                    if tip >= zero {
                        let whole = tip / 8, rest = tip % 8
                        for x in (zero / 8)..<whole { canvas.put(glyphs.full, x, 0, color: color) }
                        let partial = glyphs.growing(rest)
                        if !partial.isEmpty { canvas.put(partial, whole, 0, color: color) }
                        end = whole + (partial.isEmpty ? 0 : 1)
                    } else {
                        let start = Int((Double(tip) / 8).rounded())
                        for x in start..<max(start, zero / 8) { canvas.put(glyphs.full, x, 0, color: color) }
                        end = max(zero / 8, start)
                    }
                }
                if let rule, canvas.isEmpty(rule, 0) {
                    canvas.put(glyphs.ruleDown, rule, 0)
                    end = max(end, rule + 1)
                }
                let bar = String(canvas.lines(color: style.color)[0])
                let padding = String(repeating: " ", count: max(0, end - visibleWidth(bar)))
                let label = number == 0 ? labels[index] : ""
                let marker = seriesCount > 1 ? colored(glyphs.seriesMarker(number), color) + " " : ""
                let text = label + String(repeating: " ", count: labelWidth - label.count) + " " + marker + bar + padding + " " + valueText(series, index)
                lines.append(text.hasSuffix(" ") ? String(text.dropLast()) : text)
            }
        }
        if shownCategories < panel.categoryCount { lines.append(RenderMessages.moreRows(panel.categoryCount - shownCategories)) }
        return lines + legendLines
    }

    private func clipLabel(_ label: String) -> String {
        let limit = max(8, style.width / 3)
        guard label.count > limit else { return label }
        return String(label.prefix(limit - 1)) + (style.unicode ? "…" : ".")
    }

    private func colored(_ text: String, _ color: String?) -> String {
        guard style.color, let color else { return text }
        return "\u{1B}[\(color)m\(text)\u{1B}[0m"
    }

    /// The width of drawn text, not counting colour escapes.
    private func visibleWidth(_ text: String) -> Int {
        var width = 0, inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true } else if inEscape { if character == "m" { inEscape = false } } else { width += 1 }
        }
        return width
    }
}
