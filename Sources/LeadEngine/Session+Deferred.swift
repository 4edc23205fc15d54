import LeadQuery
import LeadStore

/// Touch columns left in their file (`DeferredColumns`) are read before the
/// statement that first names one is bound: binding looks values up.
extension Session {
    /// Reads the columns still in their file that `statement` could use:
    /// those its text or a definition names, and all of them for a `list`
    /// of every column.
    mutating func loadDeferred(for statement: Statement, source: String) throws(Diagnostic) {
        guard let names = store.deferred?.names, !names.isEmpty else { return }
        var wanted: Set<String>
        if case .list(let list) = statement.kind, list.columns.isEmpty {
            wanted = Set(names)
        } else {
            let words = Self.words(source).union(definitions.all.flatMap { Self.words($0.text) })
            wanted = Set(names).intersection(words)
        }
        guard !wanted.isEmpty else { return }
        do throws(LoadError) {
            try store.loadDeferred(wanted)
        } catch {
            throw Diagnostic(.error, "\(error.file): \(error.message)", at: SourceRange(start: 0, end: 0, line: 1, column: 1))
        }
    }

    /// Reads every column still in its file: for reports that show all columns' values.
    public mutating func loadDeferred(progress: LoadProgress? = nil) throws(LoadError) {
        try store.loadDeferred(progress: progress)
    }

    /// The words of a statement, lower case.
    private static func words(_ text: String) -> Set<String> {
        let lexer = Lexer(text)
        return Set(lexer.tokenize().tokens.filter { $0.kind == .word }.map { lexer.text(of: $0).lowercased() })
    }
}
