import LeadEngine
import LeadQuery

/// A panel over time: columns for one series, points for several, a value
/// axis at round steps in the measure's unit, the time axis labelled at
/// calendar steps that fit, the excellent (or target) line across.
extension TextChart {
    func drawOverTime(_ full: ChartPanel, unit: TimeUnit, height: Int) -> [String] {
        let glyphs = self.glyphs
        let single = full.series.count == 1
        let bandRow = single && full.isBanded
        let legendLines = legend(full, bandMarks: bandRow)
        let room = max(3, height - 3 - (bandRow ? 1 : 0) - legendLines.count)
        let range = full.valueRange
        let scale = ValueScale(low: range.low, high: range.high, ticks: max(1, room / 3), kind: full.kind)
        // Whole rows per step, so every tick and zero fall on a cell's edge.
        let steps = max(1, scale.ticks.count - 1)
        let plotHeight = max(1, room / steps) * steps
        let tickLabels = scale.ticks.map { ValueFormatter.tick($0, kind: full.kind) }
        let gutter = tickLabels.map(\.count).max() ?? 1
        let roomWidth = max(4, style.width - gutter - 1)
        let panel = full.downsampled(toAtMost: roomWidth)
        let count = panel.categoryCount
        let slot = max(1, min(roomWidth / count, panel.label(0).count + 2))
        let plotWidth = max(slot * count, min(roomWidth, panel.label(0).count))
        let barWidth = slot >= 3 ? slot - 1 : slot
        let unitHeight = (scale.high - scale.low) / Double(plotHeight)
        let zero = min(max(0, scale.low), scale.high)

        var canvas = TextCanvas(width: gutter + 1 + plotWidth, height: plotHeight + 1)
        for (tick, label) in zip(scale.ticks, tickLabels) {
            let row = Int(((scale.high - tick) / unitHeight).rounded())
            guard row >= 0, row <= plotHeight, canvas.isEmpty(gutter - 1, row) else { continue }
            canvas.write(String(repeating: " ", count: gutter - label.count) + label, 0, row)
            if row < plotHeight { canvas.put(glyphs.tick, gutter, row) }
        }
        for row in 0..<plotHeight where canvas.isEmpty(gutter, row) { canvas.put(glyphs.axis, gutter, row) }
        canvas.put(glyphs.corner, gutter, plotHeight)
        for x in 0..<plotWidth { canvas.put(glyphs.baseline, gutter + 1 + x, plotHeight) }

        if !single { connect(panel, on: &canvas, left: gutter + 1 + barWidth / 2, slot: slot, row: { value in
            min(max(Int(((scale.high - value) / unitHeight).rounded(.down)), 0), plotHeight - 1)
        }) }
        for (index, series) in panel.series.enumerated() {
            for (point, value) in series.values.enumerated() {
                guard let value else { continue }
                let band = series.bands[point]
                let color = band.map(Glyphs.color) ?? (single ? nil : Glyphs.seriesColor(index))
                let left = gutter + 1 + point * slot
                if single {
                    for row in 0..<plotHeight {
                        let top = scale.high - Double(row) * unitHeight, bottom = top - unitHeight
                        let glyph: String
                        if value >= zero {
                            let cover = (min(value, top) - max(zero, bottom)) / unitHeight
                            guard cover > 0 else { continue }
                            glyph = glyphs.rising(Int((cover * 8).rounded()))
                        } else {
                            let cover = (min(zero, top) - max(value, bottom)) / unitHeight
                            guard cover > 0 else { continue }
                            glyph = glyphs.falling(Int((cover * 8).rounded()))
                        }
                        for x in 0..<barWidth where glyph != " " { canvas.put(glyph, left + x, row, color: color) }
                    }
                } else {
                    let row = min(max(Int(((scale.high - value) / unitHeight).rounded(.down)), 0), plotHeight - 1)
                    canvas.put(glyphs.seriesMarker(index), left + barWidth / 2, row, color: color)
                }
            }
        }
        if let rule = panel.rule {
            let row = min(max(Int(((scale.high - rule.excellent) / unitHeight).rounded(.down)), 0), plotHeight - 1)
            for x in 0..<plotWidth where canvas.isEmpty(gutter + 1 + x, row) && (glyphs.unicode || x % 2 == 0) {
                canvas.put(glyphs.ruleAcross, gutter + 1 + x, row)
            }
        }

        var lines = [heading(panel)] + canvas.lines(color: style.color)
        if bandRow {
            var marks = TextCanvas(width: gutter + 1 + plotWidth, height: 1)
            for (point, band) in panel.series[0].bands.enumerated() {
                guard let band else { continue }
                marks.put(glyphs.mark(band), gutter + 1 + point * slot + barWidth / 2, 0, color: Glyphs.color(band))
            }
            lines += marks.lines(color: style.color)
        }
        lines.append(timeLabels(panel, unit: unit, left: gutter + 1, slot: slot, width: plotWidth))
        return lines + legendLines
    }

    /// Dotted lines between a series' neighbouring points, drawn under the points' markers.
    private func connect(_ panel: ChartPanel, on canvas: inout TextCanvas, left: Int, slot: Int, row: (Double) -> Int) {
        let dot = glyphs.unicode ? "·" : "."
        for (index, series) in panel.series.enumerated() where slot > 1 || panel.categoryCount < 200 {
            let color = panel.isBanded ? nil : Glyphs.seriesColor(index)
            for point in 1..<max(1, series.values.count) {
                guard let from = series.values[point - 1], let to = series.values[point] else { continue }
                let x0 = left + (point - 1) * slot, x1 = left + point * slot
                let y0 = row(from), y1 = row(to)
                let steps = max(x1 - x0, abs(y1 - y0))
                guard steps > 1 else { continue }
                for step in 1..<steps {
                    let x = x0 + Int((Double(step) * Double(x1 - x0) / Double(steps)).rounded())
                    let y = y0 + Int((Double(step) * Double(y1 - y0) / Double(steps)).rounded())
                    if canvas.isEmpty(x, y) || canvas.isRule(x, y, glyphs.ruleAcross) { canvas.put(dot, x, y, color: color) }
                }
            }
        }
    }

    /// The labels under the time axis, each at the start of its point's column.
    private func timeLabels(_ panel: ChartPanel, unit: TimeUnit, left: Int, slot: Int, width: Int) -> String {
        let sample = panel.label(0)
        let step = TimeAxis.step(unit: unit, perPoint: panel.perPoint, slot: Double(slot), labelWidth: sample.count)
        var canvas = TextCanvas(width: left + width, height: 1)
        var point = 0
        while point < panel.categoryCount {
            let label = panel.label(point)
            let x = left + point * slot
            if x + label.count <= left + width { canvas.write(label, x, 0) }
            point += step
        }
        return canvas.lines(color: false)[0]
    }
}
