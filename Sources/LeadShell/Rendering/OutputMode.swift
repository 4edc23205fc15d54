import LeadEngine

/// How results are written: a table for people, or a file format.
public enum OutputMode: String, Sendable, CaseIterable {
    case table, csv, tsv, json, jsonl, markdown

    /// The file extensions that ask for this format when exporting (the table has none).
    public var fileExtensions: [String] {
        switch self {
        case .table: []
        case .csv: ["csv"]
        case .tsv: ["tsv", "tab"]
        case .json: ["json"]
        case .jsonl: ["jsonl", "ndjson"]
        case .markdown: ["md", "markdown"]
        }
    }

    /// Every mode's name, as help and usage errors list them: `table, csv, … or markdown`.
    public static var namesInWords: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// The extensions other than CSV that pick a format, as `.export`'s help lists them.
    static var exportExtensions: String {
        allCases.filter { $0 != .csv }.compactMap(\.fileExtensions.first).map { "." + $0 }.joined(separator: " ")
    }

    /// The format a file name asks for by its extension; CSV when it names none of them.
    static func forFile(_ path: String) -> OutputMode {
        let lower = path.lowercased()
        return allCases.first { mode in mode.fileExtensions.contains { lower.hasSuffix("." + $0) } } ?? .csv
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
