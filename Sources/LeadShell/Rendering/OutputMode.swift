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

    /// The result written in this mode (the table mode draws every row, without colour).
    func render(_ table: ResultTable) -> String {
        switch self {
        case .table: TableRenderer(color: false, maximumRows: nil).render(table).joined(separator: "\n") + "\n"
        case .csv: CSVRenderer().render(table)
        case .tsv: TSVRenderer().render(table)
        case .json: JSONRenderer(lines: false).render(table)
        case .jsonl: JSONRenderer(lines: true).render(table)
        case .markdown: MarkdownRenderer().render(table)
        }
    }
}
