import LeadQuery

/// Shows a diagnostic as `FILE:LINE:COL: error: message`, then the source
/// line with the span underlined and the suggested fix. A long source line
/// is cut to a window around the caret, so a huge statement does not flood
/// standard error.
enum DiagnosticPrinter {
    /// How many characters of the source line are shown around the caret.
    static let window = 200

    /// - Parameters:
    ///   - source: the statement text the diagnostic points into.
    ///   - place: the file name, or nil at the prompt.
    ///   - firstLine: the line of the file on which `source` starts.
    ///   - escaping: whether the message goes to a terminal, where control characters in it show as escapes.
    static func lines(_ diagnostic: Diagnostic, source: String, place: String?, firstLine: Int, escaping: Bool = false) -> [String] {
        let line = firstLine + diagnostic.range.line - 1
        let prefix = place.map { "\($0):\(line):\(diagnostic.range.column): " } ?? ""
        let message = escaping ? ControlEscapes.escape(diagnostic.message) : diagnostic.message
        var lines = ["\(prefix)\(diagnostic.severity.rawValue): \(message)"]
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard diagnostic.range.end > 0, diagnostic.range.line - 1 < sourceLines.count else { return lines }
        let characters = Array(sourceLines[diagnostic.range.line - 1])
        let caret = min(max(0, diagnostic.range.column - 1), characters.count)
        let start = characters.count <= window ? 0 : max(0, min(caret - window / 2, characters.count - window))
        let end = min(characters.count, start + window)
        let text = String(characters[start..<end])
        lines.append("  " + (start > 0 ? "…" : "") + text + (end < characters.count ? "…" : ""))
        let utf8 = Array(source.utf8)
        let spanText = diagnostic.range.end > diagnostic.range.start && diagnostic.range.end <= utf8.count
            ? String(decoding: utf8[diagnostic.range.start..<diagnostic.range.end], as: UTF8.self) : ""
        let firstLineOfSpan = String(spanText.prefix { $0 != "\n" }.prefix(max(1, end - caret)))
        let width = max(1, DisplayWidth.of(firstLineOfSpan))
        let lead = characters[start..<max(start, caret)].map { $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(String($0))) }.joined()
        lines.append("  " + (start > 0 ? " " : "") + lead + "^" + String(repeating: "~", count: width - 1))
        if let fixIt = diagnostic.fixIt { lines.append("  fix: \(fixIt)") }
        return lines
    }
}
