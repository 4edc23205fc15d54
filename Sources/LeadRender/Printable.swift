/// Text from the data made safe to draw: control characters (an `ESC[2J`, a
/// bell, a carriage return, a C1 `0x9B`) and the invisible characters that
/// reorder or hide text (bidi controls such as U+202E, zero-width spaces)
/// written as C-style escapes (`\e`, `\r`, `\x07`, `\u{9B}`, `\u{202E}`), so
/// tables, warnings and chart labels show what they are instead of acting on
/// the terminal or misleading the reader.
public enum Printable {
    /// Whether a scalar is a C0 or C1 control character, DEL, or an invisible
    /// format character that changes how the text around it reads.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: return true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// `text` with every control character escaped; with `keepingLayout`, line
    /// breaks and tabs stay as they are (text that is itself laid out in lines).
    public static func escape(_ text: String, keepingLayout: Bool = false) -> String {
        let escapes = { (scalar: Unicode.Scalar) in isControl(scalar) && !(keepingLayout && (scalar == "\n" || scalar == "\t")) }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            if escapes(scalar) { result += escaped(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    static func escape(_ text: String) -> String { escape(text, keepingLayout: false) }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{1B}": return "\\e"
        case "\r": return "\\r"
        case "\n": return "\\n"
        case "\t": return "\\t"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            if scalar.value < 0x80 { return "\\x" + (hex.count < 2 ? "0" : "") + hex }
            return "\\u{" + hex + "}"
        }
    }
}
