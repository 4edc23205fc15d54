import LeadEngine

/// How results are written: a table for people, or a file format.
public enum OutputMode: String, Sendable, CaseIterable {
    case table, csv, tsv, json, jsonl, markdown

    /// The format a file name asks for by its extension; CSV when it names none of them.
    static func forFile(_ path: String) -> OutputMode {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tsv }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        return .csv
    }

    /// Writes the result in this mode, in chunks (the table mode draws every row, without colour).
    func write(_ table: ResultTable, to sink: (String) -> Void) {
        switch self {
        case .table: sink(TableRenderer(color: false, maximumRows: nil).render(table).joined(separator: "\n") + "\n")
        case .csv: CSVRenderer().write(table, to: sink)
        case .tsv: TSVRenderer().write(table, to: sink)
        case .json: JSONRenderer(lines: false).write(table, to: sink)
        case .jsonl: JSONRenderer(lines: true).write(table, to: sink)
        case .markdown: MarkdownRenderer().write(table, to: sink)
        }
    }
}
