import Foundation
import LeadQuery
import Testing

/// Tokens, their places, and the errors the lexer reports.
@Suite struct LexerTests {
    func kinds(_ text: String) -> [String] {
        let lexer = Lexer(text)
        return lexer.tokenize().tokens.map { "\($0.kind):\(lexer.text(of: $0))" }
    }

    @Test func statementTokens() {
        #expect(kinds(#"rate where segment="SMB" by month"#) == [
            "word:rate", "word:where", "word:segment", "symbol:=", #"string:"SMB""#, "word:by", "word:month",
        ])
    }

    @Test func literals() {
        #expect(kinds("90s 30min 1h 2d 1w 42 0.5 2026-03-01 2026-03 2026-Q1 2026") == [
            "duration:90s", "duration:30min", "duration:1h", "duration:2d", "duration:1w", "number:42", "number:0.5",
            "date:2026-03-01", "date:2026-03", "date:2026-Q1", "number:2026",
        ])
    }

    @Test func operatorsAndPunctuation() {
        #expect(kinds("a != b <= c >= d < e > f, (g) | h; at.month") == [
            "word:a", "symbol:!=", "word:b", "symbol:<=", "word:c", "symbol:>=", "word:d", "symbol:<", "word:e",
            "symbol:>", "word:f", "symbol:,", "symbol:(", "word:g", "symbol:)", "symbol:|", "word:h", "symbol:;",
            "word:at", "symbol:.", "word:month",
        ])
    }

    @Test func commentsAreSkipped() {
        #expect(kinds("rate # the share\n-- whole line\nspeed") == ["word:rate", "word:speed"])
    }

    @Test func stringEscapes() {
        #expect(kinds(#"owner = "say \"hi\" \\ ok""#) == ["word:owner", "symbol:=", #"string:"say \"hi\" \\ ok""#])
    }

    @Test func dotCommandOnlyAtTheStart() {
        #expect(kinds(".schema") == ["dotCommand:.schema"])
    }

    @Test func positionsCountCharactersAndLines() {
        let tokens = Lexer("rate\n  where owner = \"Zoë\" and x").tokenize().tokens
        #expect(tokens.map(\.range.description) == ["1:1", "2:3", "2:9", "2:15", "2:17", "2:23", "2:27"])
    }

    @Test func unterminatedStringIsADiagnostic() {
        let output = Lexer(#"rate where owner = "Ana"#).tokenize()
        #expect(output.unterminatedString)
        #expect(output.diagnostics.map(\.message) == [#"this string is never closed; add a ""#])
        #expect(output.diagnostics.first?.range.column == 20)
    }

    @Test func strayCharacterIsADiagnostic() {
        let output = Lexer("rate @ month").tokenize()
        #expect(output.diagnostics.map(\.message) == [#"unexpected character "@""#])
        #expect(output.diagnostics.first?.range.column == 6)
    }
}

/// Whether text is a whole statement, and splitting at `;`.
@Suite struct StatementBoundaryTests {
    @Test(arguments: ["rate", "rate by month", ".schema", "rate; speed", "", "# only a comment", "list leads limit 5", "set target conversion 15%", "rate by owner having rate > 80%"])
    func complete(text: String) {
        #expect(StatementBoundary.isComplete(text))
    }

    @Test(arguments: [
        "rate,", "rate where", "rate where segment =", "rate where segment in (\"SMB\"", "rate where owner = \"Ana",
        "rate by", "rate where a = 1 and", "rate |", "rate order", "speed, within(1h),",
    ])
    func incomplete(text: String) {
        #expect(!StatementBoundary.isComplete(text))
    }

    @Test func splitsAtTopLevelSemicolons() {
        let pieces = StatementBoundary.split("rate; speed by owner;\nlist leads where x in (\"a;b\")")
        #expect(pieces.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } == [
            "rate", "speed by owner", "list leads where x in (\"a;b\")",
        ])
        #expect(pieces.map(\.line) == [1, 1, 2])
    }
}
