import Foundation
import LeadEngine
import LeadQuery
import LeadStore

/// The value axis: a range widened to round steps (1, 2, 2.5 or 5 times a
/// power of ten, in the measure's unit: percent for ratios, hours for
/// durations), and its ticks.
struct ValueScale: Sendable {
    var low: Double
    var high: Double
    var step: Double

    /// A scale over `low…high` with about `ticks` steps.
    init(low: Double, high: Double, ticks: Int, kind: ValueKind) {
        let unit = Self.unit(of: kind, spread: max(abs(low), abs(high)))
        var low = low / unit, high = high / unit
        if high - low < 1e-12 {
            if high > 0 { low = 0 } else if low < 0 { high = 0 } else { high = 1 }
        }
        var step = Self.nice((high - low) / Double(max(ticks, 1)))
        if kind == .count { step = max(step, 1) }
        self.low = (low / step).rounded(.down) * step * unit
        self.high = (high / step).rounded(.up) * step * unit
        self.step = step * unit
        if self.high - self.low < 1e-12 { self.high = self.low + self.step }
    }

    /// The tick values from low to high.
    var ticks: [Double] {
        let count = Int(((high - low) / step).rounded())
        return (0...count).map { low + Double($0) * step }
    }

    /// Where a value stands between low (0) and high (1).
    func fraction(_ value: Double) -> Double { (value - low) / (high - low) }

    /// The unit a measure's ticks are round in: percent, hours (minutes under an hour), or one.
    private static func unit(of kind: ValueKind, spread: Double) -> Double {
        switch kind {
        case .ratio: 0.01
        case .duration: Double(spread < Double(TimeScale.perHour) ? TimeScale.perMinute : TimeScale.perHour)
        default: 1
        }
    }

    private static func nice(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= raw * 0.999 { return factor * power }
        return 10 * power
    }
}

/// The time axis: which points carry a label, at steps that read as the calendar does.
enum TimeAxis {
    /// Steps worth labelling for a unit, in points.
    static func steps(_ unit: TimeUnit) -> [Int] {
        switch unit {
        case .hour: [1, 2, 3, 6, 12, 24, 48, 168]
        case .day: [1, 2, 7, 14, 28, 91, 182, 364]
        case .week: [1, 2, 4, 13, 26, 52, 104]
        case .month: [1, 2, 3, 6, 12, 24, 60]
        case .quarter: [1, 2, 4, 8, 20]
        case .year: [1, 2, 5, 10, 20, 50]
        case .hourOfDay: [1, 2, 3, 6, 12]
        case .weekday: [1, 7]
        }
    }

    /// The smallest calendar step (in points) at which labels `labelWidth` wide
    /// fit points `slot` cells apart, with a space between them.
    static func step(unit: TimeUnit, perPoint: Int, slot: Double, labelWidth: Int) -> Int {
        let needed = Double(labelWidth + 1) / max(slot, 0.001)
        for step in steps(unit) where step % perPoint == 0 || perPoint == 1 {
            let points = max(1, step / perPoint)
            if Double(points) >= needed { return points }
        }
        var points = 1
        while Double(points) < needed { points *= 2 }
        return points
    }
}
