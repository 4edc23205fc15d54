import LeadRender

/// The shell's name for `Printable`: control and invisible format characters
/// written as escapes on a terminal (`\e`, `\n`, `\x07`, `\u{9B}`, `\u{202E}`).
enum ControlEscapes {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool { Printable.isControl(scalar) }

    /// `text` with every control character escaped; with `keepingLayout`, line
    /// breaks and tabs stay as they are (text that is itself laid out in lines).
    static func escape(_ text: String, keepingLayout: Bool = false) -> String {
        Printable.escape(text, keepingLayout: keepingLayout)
    }
}
