/// Control characters written as C-style escapes, so that text from the data
/// (an `ESC[2J`, an OSC 52 clipboard write, a bell, a carriage return, a C1
/// `0x9B`) shows on a terminal as what it is instead of acting on it:
/// `\e`, `\r`, `\n`, `\t`, `\x07`, `\u{9B}`, `\x7F`.
enum ControlEscapes {
    /// Whether a scalar is a C0 or C1 control character, or DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `text` with every control character escaped; with `keepingLayout`, line
    /// breaks and tabs stay as they are (text that is itself laid out in lines).
    static func escape(_ text: String, keepingLayout: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingLayout && ($0 == "\n" || $0 == "\t")) }) else {
            return text
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar), !(keepingLayout && (scalar == "\n" || scalar == "\t")) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            result += escaped(scalar)
        }
        return result
    }

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
