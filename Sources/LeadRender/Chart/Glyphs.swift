import LeadEngine

/// The characters a terminal chart is drawn with: Unicode blocks and box
/// lines, or plain ASCII when the locale names another encoding.
struct Glyphs: Sendable {
    let unicode: Bool

    /// A column's top cell, filled from below by eighths (0…8).
    func rising(_ eighths: Int) -> String {
        let clamped = min(max(eighths, 0), 8)
        if unicode { return [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"][clamped] }
        return clamped < 2 ? " " : clamped < 6 ? "." : "#"
    }

    /// A negative column's bottom cell, filled from above by eighths (0…8).
    func falling(_ eighths: Int) -> String {
        if eighths >= 6 { return full }
        if eighths >= 2 { return unicode ? "▀" : "'" }
        return " "
    }

    /// A bar's last cell, filled from the left by eighths (0…8); empty when nothing shows.
    func growing(_ eighths: Int) -> String {
        let clamped = min(max(eighths, 0), 8)
        if unicode { return ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"][clamped] }
        return clamped >= 4 ? "#" : ""
    }

    var full: String { unicode ? "█" : "#" }
    var axis: String { unicode ? "│" : "|" }
    var tick: String { unicode ? "┤" : "+" }
    var corner: String { unicode ? "└" : "+" }
    var baseline: String { unicode ? "─" : "-" }
    var ruleAcross: String { unicode ? "╌" : "-" }
    var ruleDown: String { unicode ? "┊" : ":" }
    var ellipsis: String { unicode ? "…" : "..." }
    var missing: String { unicode ? "—" : "-" }

    func mark(_ band: Band) -> String {
        switch band {
        case .excellent: unicode ? "●" : "*"
        case .good: unicode ? "◐" : "+"
        case .attention: unicode ? "○" : "!"
        }
    }

    /// The marker of the n-th series, told apart by shape.
    func seriesMarker(_ index: Int) -> String {
        let markers = unicode ? ["•", "×", "+", "◆", "▲", "■", "▼", "◇"] : ["*", "x", "+", "#", "@", "%", "&", "="]
        return markers[index % markers.count]
    }

    /// ANSI colours: bands green, yellow, red; series in eight distinct hues.
    static func color(_ band: Band) -> String {
        switch band {
        case .excellent: "32"
        case .good: "33"
        case .attention: "31"
        }
    }

    static func seriesColor(_ index: Int) -> String {
        ["34", "35", "36", "33", "32", "31", "94", "95"][index % 8]
    }
}
