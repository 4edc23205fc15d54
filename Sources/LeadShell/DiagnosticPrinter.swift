import LeadQuery

/// Shows a diagnostic as `FILE:LINE:COL: error: message`, then the source
/// line with the span underlined and the suggested fix.
enum DiagnosticPrinter {
    /// - Parameters:
    ///   - source: the statement text the diagnostic points into.
    ///   - place: the file name, or nil at the prompt.
    ///   - firstLine: the line of the file on which `source` starts.
    static func lines(_ diagnostic: Diagnostic, source: String, place: String?, firstLine: Int) -> [String] {
        let line = firstLine + diagnostic.range.line - 1
        let prefix = place.map { "\($0):\(line):\(diagnostic.range.column): " } ?? ""
        var lines = ["\(prefix)\(diagnostic.severity.rawValue): \(diagnostic.message)"]
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard diagnostic.range.end > 0, diagnostic.range.line - 1 < sourceLines.count else { return lines }
        let text = String(sourceLines[diagnostic.range.line - 1])
        lines.append("  " + text)
        let utf8 = Array(source.utf8)
        let spanText = diagnostic.range.end > diagnostic.range.start && diagnostic.range.end <= utf8.count
            ? String(decoding: utf8[diagnostic.range.start..<diagnostic.range.end], as: UTF8.self) : ""
        let firstLineOfSpan = String(spanText.prefix { $0 != "\n" })
        let width = max(1, DisplayWidth.of(firstLineOfSpan))
        let lead = text.prefix(max(0, diagnostic.range.column - 1)).map { $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(String($0))) }.joined()
        lines.append("  " + lead + "^" + String(repeating: "~", count: width - 1))
        if let fixIt = diagnostic.fixIt { lines.append("  fix: \(fixIt)") }
        return lines
    }
}
