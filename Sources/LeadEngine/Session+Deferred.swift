import LeadQuery
import LeadStore

/// Touch columns left in their file (`DeferredColumns`) are read before the
/// statement that first names one is bound: binding looks values up.
extension Session {
    /// Reads the columns still in their file that `statement` could use:
    /// those its text names, or a definition it names does (and so on), and
    /// all of them for a `list` of every touch column. A statement with
    /// `| sql` needs no values. `isCancelled` (Ctrl-C) stops the reading;
    /// `reading` gives what it reports its progress to.
    mutating func loadDeferred(
        for statement: Statement, source: String, isCancelled: (@Sendable () -> Bool)?, reading: ((_ columns: [String]) -> LoadProgress)?
    ) throws(Diagnostic) {
        guard let names = store.deferred?.names, !names.isEmpty else { return }
        if statement.posts.contains(where: { if case .sql = $0.kind { true } else { false } }) { return }
        var wanted: Set<String>
        if case .list(let list) = statement.kind, list.columns.isEmpty, list.table.text.lowercased() == "touches" {
            wanted = Set(names)
        } else {
            wanted = Set(names).intersection(usedWords(source))
        }
        guard !wanted.isEmpty else { return }
        let report = reading?(names.filter(wanted.contains))
        do throws(LoadError) {
            try store.loadDeferred(wanted, progress: { fraction in (report?(fraction) ?? true) && !(isCancelled?() ?? false) })
            // Done: the statement runs after, not under the reading's progress.
            _ = report?(1)
        } catch {
            throw Diagnostic(.error, error.withoutSeverity, at: SourceRange(start: 0, end: 0, line: 1, column: 1))
        }
    }

    /// The words of `source` and of the definitions it names, theirs too, lower case.
    private func usedWords(_ source: String) -> Set<String> {
        var words = Self.words(source)
        var expanded: Set<String> = []
        while let definition = definitions.all.first(where: { words.contains($0.name.lowercased()) && !expanded.contains($0.name) }) {
            expanded.insert(definition.name)
            words.formUnion(Self.words(definition.text))
        }
        return words
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
