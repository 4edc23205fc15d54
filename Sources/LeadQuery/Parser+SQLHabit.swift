/// SQL typed by habit: `select rate from leads group by owner` gets a hint in
/// leadq's words, with the statement as leadq writes it when that is plain.
extension Parser {
    /// Fails with the hint when the statement reads as SQL: `select … from …`.
    func refuseSQL() throws(Failure) {
        guard isWord("select"),
              let from = tokens.indices.first(where: { tokens[$0].kind == .word && text(tokens[$0]).lowercased() == "from" }),
              from > index + 1 else { return }
        let measures = tokens[(index + 1)..<from]
        var rewritten: String?
        if !measures.contains(where: { $0.kind == .symbol && text($0) == "*" }) {
            var parts = [source(measures.first!.range.start, measures.last!.range.end)]
            var position = from + 2
            while position < tokens.count {
                let word = tokens[position].kind == .word ? text(tokens[position]).lowercased() : ""
                if word == "group" || word == "order", position + 1 < tokens.count, text(tokens[position + 1]).lowercased() == "by" {
                    parts.append(word == "group" ? "by" : "order by")
                    position += 2
                    continue
                }
                var end = position
                while end + 1 < tokens.count, !["group", "order"].contains(text(tokens[end + 1]).lowercased()) { end += 1 }
                parts.append(source(tokens[position].range.start, tokens[end].range.end))
                position = end + 1
            }
            rewritten = parts.joined(separator: " ")
        }
        var failure = fail(Messages.sqlHabit(rewritten), at: tokens[index].range)
        failure.diagnostic.fixIt = rewritten
        throw failure
    }

    /// The statement's text between two byte offsets.
    private func source(_ start: Int, _ end: Int) -> String {
        let utf8 = Array(lexer.source.utf8)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
