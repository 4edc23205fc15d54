import Foundation
import LeadEngine
import LeadQuery
import LeadStore

/// Tab completion by context: dot commands, file paths after the commands
/// that take a file, field values inside a quote after `field =` or
/// `field in (`, and otherwise statement keywords, KPIs, aggregates, fields,
/// units, period words and named filters and measures that fit the clause.
public struct Completer: Sendable {
    /// What to complete and with what.
    public struct Completion: Equatable, Sendable {
        /// The text being completed (the part of the word before the cursor).
        public var prefix: String
        /// Whole words that could replace it, sorted.
        public var candidates: [String]
        /// What to add after a single candidate: a space, a closing quote, or nothing (a folder).
        public var suffix: String
    }

    let session: Session

    public init(session: Session) { self.session = session }

    static let statementStarts = Keyword.words(.statement)
    static let clauseWords = Keyword.words(.clause) + Keyword.words(.condition) + Keyword.words(.direction) + Keyword.words(.post)
    static let periodWords = Keyword.words(.period).filter { $0 != Keyword.to.rawValue }
    static let fileCommands: Set<String> = [".open", ".load", ".read", ".export", ".once"]

    /// Completes the text before the cursor.
    public func complete(_ line: String) -> Completion {
        if line.hasPrefix(".") {
            if let space = line.firstIndex(of: " ") {
                let command = String(line[..<space])
                guard Self.fileCommands.contains(command) else { return Completion(prefix: "", candidates: [], suffix: "") }
                let word = String(line[line.index(after: line.lastIndex(of: " ")!)...])
                if command == ".load" && !line.dropFirst(6).contains(" ") {
                    return Self.filtered(["leads", "touches"], word, suffix: " ")
                }
                return Self.paths(word)
            }
            return Self.filtered(DotCommand.all.map { "." + $0.name }, line, suffix: " ")
        }
        if let quote = openQuote(in: line) {
            let prefix = String(line[line.index(after: quote)...])
            return Self.filtered(values(forQuoteAt: quote, in: line), prefix, suffix: "\"")
        }
        let word = String(line.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        let before = line.dropLast(word.count)
        let words = before.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map { $0.lowercased() }
        let atStart = before.trimmingCharacters(in: .whitespaces).isEmpty
        return Self.filtered(self.words(after: words.last, earlier: words.dropLast().last, atStart: atStart), word, suffix: " ")
    }

    /// The names that fit after `previous` (itself after `earlier`).
    private func words(after previous: String?, earlier: String?, atStart: Bool) -> [String] {
        let fields = session.catalog.fields.map(\.name) + Vocabulary.businessFields + Vocabulary.cadenceFieldNames
        let measures = Vocabulary.kpiNames + Vocabulary.aggregateNames + session.definitions.all.filter(\.isMeasure).map(\.name)
        let filters = session.definitions.all.filter { !$0.isMeasure }.map(\.name) + Vocabulary.cadenceFilterNames
        let units = TimeUnit.allCases.map(\.rawValue)
        if atStart { return measures + Self.statementStarts }
        switch (earlier, previous) {
        case (_, "by"): return fields + units + filters + ["bucket"]
        case (_, "bucket"):
            return session.catalog.fields.filter { [.count, .number, .duration].contains($0.kind) }.map(\.name) + Vocabulary.businessFields
        case (_, "running"): return Vocabulary.runnableNames + session.definitions.all.filter(\.isMeasure).map(\.name)
        case (_, "of_total"): return Vocabulary.totalNames
        case (_, "vs"): return ["previous", "last"]
        case ("vs", "last"): return ["year"]
        case (_, "top"), (_, "limit"), (_, "cadence"), (_, "now"), (_, "grace"): return []
        case ("set", "target"): return Vocabulary.kpiNames
        case (_, "during"), (_, "in"): return Self.periodWords + fields
        case (_, "this"), (_, "last"): return units
        case (_, "where"), (_, "and"), (_, "or"), (_, "not"), (_, "having"): return fields + filters + measures
        case (_, "list"): return ["leads", "touches"]
        case (_, "set"): return ["now", "grace", "target", "cadence", "week_start", "tz", "hours", "holidays"]
        case (_, "speed"): return ["business", "avg", "median", "p90"]
        case (_, "order"): return ["by"]
        default: return Self.clauseWords + measures + fields + units + filters + [Vocabulary.businessWord]
        }
    }

    /// Where an unclosed quote opens, if the line ends inside one.
    private func openQuote(in line: String) -> String.Index? {
        var open: String.Index?
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if escaped { escaped = false; continue }
            if character == "\\" && open != nil { escaped = true; continue }
            if character == "\"" { open = open == nil ? index : nil }
        }
        return open
    }

    /// The values of the field compared before the quote (`owner = "`, `segment in ("SMB", "`).
    private func values(forQuoteAt quote: String.Index, in line: String) -> [String] {
        let lexer = Lexer(String(line[..<quote]))
        let tokens = lexer.tokenize().tokens
        var depth = 0
        for index in tokens.indices.reversed() {
            let token = tokens[index]
            let text = String(lexer.text(of: token))
            if token.kind == .symbol && text == ")" { depth += 1 }
            if token.kind == .symbol && text == "(" {
                if depth == 0, index >= 2, lexer.text(of: tokens[index - 1]).lowercased() == "in" {
                    let field = index >= 3 && lexer.text(of: tokens[index - 2]).lowercased() == "not" ? tokens[index - 3] : tokens[index - 2]
                    return fieldValues(String(lexer.text(of: field)))
                }
                depth -= 1
            }
            if depth == 0, token.kind == .symbol, ["=", "!=", "<>", "<", ">", "<=", ">="].contains(text), index >= 1 {
                return fieldValues(String(lexer.text(of: tokens[index - 1])))
            }
            if depth == 0, token.kind == .word, text.lowercased() == "like", index >= 1 {
                return fieldValues(String(lexer.text(of: tokens[index - 1])))
            }
        }
        return []
    }

    /// The most distinct values completion asks an engine for.
    static let engineValueLimit = 1000

    private func fieldValues(_ field: String) -> [String] {
        let name = field.lowercased()
        let lead = session.store.leads[name]
        let column = lead ?? session.store.touches[name]
        guard case .text(let text)? = column?.data else { return [] }
        guard session.executor.readsStore else {
            return session.executor.distinctValues(of: name, grain: lead != nil ? .lead : .touch, limit: Self.engineValueLimit) ?? []
        }
        return text.dictionary.values
    }

    static func filtered(_ words: [String], _ prefix: String, suffix: String) -> Completion {
        let lower = prefix.lowercased()
        let matches = Set(words.filter { $0.lowercased().hasPrefix(lower) && !$0.isEmpty })
        return Completion(prefix: prefix, candidates: matches.sorted(), suffix: suffix)
    }

    /// Files and folders starting with the word; folders end in `/`.
    static func paths(_ word: String) -> Completion {
        let expanded = (word as NSString).expandingTildeInPath
        let folder = word.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
        let start = word.hasSuffix("/") ? "" : (word as NSString).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        var candidates: [String] = []
        for name in names where name.hasPrefix(start) && (start.hasPrefix(".") || !name.hasPrefix(".")) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(name), isDirectory: &isFolder)
            candidates.append(name + (isFolder.boolValue ? "/" : ""))
        }
        let single = candidates.count == 1
        return Completion(prefix: start, candidates: candidates.sorted(), suffix: single && candidates[0].hasSuffix("/") ? "" : " ")
    }

    /// The longest start all candidates share.
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
