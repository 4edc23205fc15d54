import LeadEngine
import LeadQuery

/// The two panel shapes in SVG: columns or lines over time, and bars.
extension SVGDrawing {
    mutating func overTime(_ panel: ChartPanel) {
        heading(panel)
        guard panel.categoryCount > 0 else { return note(RenderMessages.noRows) }
        guard case .overTime(let unit) = panel.shape else { return }
        if !panel.hasValues { note(RenderMessages.noValues) }
        let plotTop = bottom + 8, plotHeight = 220.0
        let range = panel.valueRange
        let scale = ValueScale(low: range.low, high: range.high, ticks: 5, kind: panel.kind)
        func y(_ value: Double) -> Double { plotTop + plotHeight * (1 - scale.fraction(value)) }
        for tick in scale.ticks {
            line(left, y(tick), right, y(tick), stroke: Palette.grid)
            label(ValueFormatter.tick(tick, kind: panel.kind), x: left - 6, y: y(tick) + 4, anchor: "end")
        }
        line(left, plotTop, left, plotTop + plotHeight, stroke: Palette.axis)
        let count = panel.categoryCount
        let slot = (right - left) / Double(count)
        let zero = y(min(max(0, scale.low), scale.high))
        if panel.series.count == 1 {
            let series = panel.series[0]
            let width = max(slot * 0.8, 0.5)
            for (index, value) in series.values.enumerated() {
                guard let value else { continue }
                let fill = series.bands[index].map(Palette.band) ?? Palette.plain
                let x = left + Double(index) * slot + (slot - width) / 2
                rect(x, min(y(value), zero), width, abs(zero - y(value)), fill: fill, title: panel.label(index) + ": " + panel.format(value))
                if count <= 60, let band = series.bands[index] {
                    label(glyphs.mark(band), x: x + width / 2, y: min(y(value), zero) - 4, anchor: "middle", size: 10, fill: fill)
                }
            }
        } else {
            for (number, series) in panel.series.enumerated() {
                var points: [String] = []
                func flush() {
                    if points.count > 1 {
                        add("<polyline fill=\"none\" stroke=\"\(Palette.series(number))\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>")
                    }
                    points = []
                }
                for (index, value) in series.values.enumerated() {
                    guard let value else { flush(); continue }
                    let x = left + (Double(index) + 0.5) * slot
                    points.append(Markup.number(x) + "," + Markup.number(y(value)))
                }
                flush()
                for (index, value) in series.values.enumerated() {
                    guard let value else { continue }
                    let x = left + (Double(index) + 0.5) * slot
                    let fill = series.bands[index].map(Palette.band) ?? Palette.series(number)
                    let title = panel.label(index) + ", " + series.name + ": " + panel.format(value)
                    point(count <= 60 ? glyphs.seriesMarker(number) : nil, x: x, y: y(value), fill: fill, title: title)
                }
            }
        }
        line(left, zero, right, zero, stroke: Palette.axis)
        if let rule = panel.rule, panel.hasValues { line(left, y(rule.excellent), right, y(rule.excellent), stroke: Palette.rule, dashed: true) }
        let labelWidth = Double(panel.label(0).count) * 7
        let step = TimeAxis.step(unit: unit, perPoint: panel.perPoint, slot: slot / 7, labelWidth: panel.label(0).count)
        var index = 0
        while index < count {
            let x = left + Double(index) * slot
            if x + labelWidth <= right + 10 { label(panel.label(index), x: x, y: plotTop + plotHeight + 16) }
            index += step
        }
        bottom = plotTop + plotHeight + 24
        legend(panel)
    }

    mutating func bars(_ panel: ChartPanel) {
        heading(panel)
        guard panel.categoryCount > 0 else { return note(RenderMessages.noRows) }
        let shown = min(panel.categoryCount, SVGChart.maximumBars)
        let labels = (0..<shown).map { panel.label($0) }
        let labelWidth = min(220, Double(labels.map(\.count).max() ?? 0) * 7 + 12)
        let barLeft = 8 + labelWidth, barRight = right - 110
        let range = panel.valueRange(categories: shown)
        let low = range.low, high = range.high - range.low < 1e-12 ? range.low + 1 : range.high
        func x(_ value: Double) -> Double { barLeft + (barRight - barLeft) * (value - low) / (high - low) }
        let rowHeight = panel.series.count == 1 ? 22.0 : 14.0 * Double(panel.series.count) + 8
        let barHeight = panel.series.count == 1 ? 16.0 : 12.0
        var y = bottom + 4
        for index in 0..<shown {
            label(labels[index], x: barLeft - 8, y: y + rowHeight / 2 + 4, anchor: "end")
            for (number, series) in panel.series.enumerated() {
                let barTop = y + 3 + Double(number) * (barHeight + 2)
                let fill = series.bands[index].map(Palette.band) ?? (panel.series.count == 1 ? Palette.plain : Palette.series(number))
                var text = glyphs.missing, end = x(0)
                if let value = series.values[index] {
                    rect(min(x(0), x(value)), barTop, abs(x(value) - x(0)), barHeight, fill: fill)
                    end = max(x(0), x(value))
                    text = panel.format(value) + (series.bands[index].map { " " + glyphs.mark($0) } ?? "")
                }
                label(text, x: end + 4, y: barTop + barHeight - 3, size: 11)
            }
            y += rowHeight
        }
        line(x(0), bottom, x(0), y, stroke: Palette.axis)
        if let rule = panel.rule, panel.hasValues { line(x(rule.excellent), bottom, x(rule.excellent), y, stroke: Palette.rule, dashed: true) }
        if shown < panel.categoryCount {
            label(RenderMessages.moreRows(panel.categoryCount - shown), x: barLeft, y: y + 14, fill: Palette.axis)
            y += 20
        }
        bottom = y + 4
        legend(panel)
    }
}
