/// How many terminal columns text takes: wide East Asian characters and
/// emoji take two, combining marks none.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            width += isWide(scalar.value) ? 2 : 1
        }
        return width
    }

    /// The most columns a table cell takes; a longer value is cut with `…`.
    static let cellLimit = 1_000

    /// `text` cut to at most `limit` columns, ending in `…` when cut; reads
    /// only as far as the cut, so a huge value costs no more than a short one.
    static func clipped(_ text: String, to limit: Int = cellLimit) -> (text: String, cut: Bool) {
        let scalars = text.unicodeScalars
        var width = 0
        var end = scalars.startIndex
        for index in scalars.indices {
            let scalar = scalars[index]
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: break
            }
            width += isWide(scalar.value) ? 2 : 1
            if width > limit { return (String(scalars[..<end]) + "…", true) }
            if width <= limit - 1 { end = scalars.index(after: index) }
        }
        return (text, false)
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }

    /// `text` padded with spaces to `width` columns, on the left or the right.
    static func pad(_ text: String, to width: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - of(text)))
        return right ? padding + text : text + padding
    }
}
