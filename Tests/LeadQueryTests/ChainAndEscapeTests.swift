import LeadQuery
import Testing

/// Long flat chains of `and`/`or` nest only as deep as their logarithm, and a
/// string's unknown escape is an error rather than a silently dropped backslash.
@Suite struct ChainAndEscapeTests {
    /// How deep an expression nests (a balanced tree keeps this small).
    func depth(_ expr: Expr) -> Int {
        switch expr.kind {
        case .and(let a, let b), .or(let a, let b): 1 + max(depth(a), depth(b))
        case .not(let a): 1 + depth(a)
        default: 1
        }
    }

    func filter(_ text: String) -> Expr? {
        guard case .query(let query)? = Parser.parse(text).statement?.kind else { return nil }
        return query.filter
    }

    @Test func aFlatChainOfTwentyThousandTermsNestsLogarithmically() throws {
        let chain = Array(repeating: "a = 1", count: 20_000).joined(separator: " or ")
        let expr = try #require(filter("leads where " + chain))
        #expect(depth(expr) <= 16)
    }

    @Test func aChainKeepsItsWholeRangeAndPrecedence() throws {
        let text = "leads where a = 1 and b = 2 and c = 3 or d = 4 or e = 5"
        let expr = try #require(filter(text))
        #expect(expr.range.start == 12)
        #expect(expr.range.end == text.utf8.count)
        guard case .or(let left, _) = expr.kind, case .or(let first, _) = left.kind, case .and = first.kind else {
            Issue.record("expected ((a and b and c) or d) or e, got \(expr)")
            return
        }
    }

    @Test func threeTermsReadLeftToRight() throws {
        let expr = try #require(filter("leads where a = 1 or b = 2 or c = 3"))
        guard case .or(let left, let right) = expr.kind, case .or = left.kind, case .compare = right.kind else {
            Issue.record("expected (a or b) or c, got \(expr)")
            return
        }
    }

    @Test func anUnknownEscapeIsAnError() {
        let diagnostics = Parser.parse(#"leads where owner = "Ana\x""#).diagnostics
        #expect(diagnostics.first.map { "\($0.range): \($0.message)" }
            == #"1:25: unknown escape \x in a string: only \" (a quote) and \\ (a backslash) are escapes; write \\ for a backslash"#)
    }

    @Test func quoteAndBackslashEscapesStillRead() throws {
        let expr = try #require(filter(#"leads where owner = "a\"b\\c""#))
        guard case .compare(_, _, let value) = expr.kind else {
            Issue.record("expected a comparison")
            return
        }
        #expect(value.kind == .string(#"a"b\c"#))
    }
}
