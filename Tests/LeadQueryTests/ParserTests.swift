import LeadQuery
import Testing

/// The parser: statement shapes, precedence, positions, and hostile input.
@Suite struct ParserTests {
    func query(_ text: String) -> Query? {
        guard case .query(let query)? = Parser.parse(text).statement?.kind else { return nil }
        return query
    }

    func error(_ text: String) -> String? {
        Parser.parse(text).diagnostics.first.map { "\($0.range): \($0.message)" }
    }

    @Test func fullQuery() throws {
        let q = try #require(query(#"rate as r, within(1h) where segment = "SMB" during last 3 months by owner, month having leads > 10 order by r desc, owner limit 5"#))
        #expect(q.measures.count == 2)
        #expect(q.measures[0].alias?.text == "r")
        #expect(q.groups.count == 2)
        #expect(q.order.map(\.descending) == [true, false])
        #expect(q.limit == 5)
        #expect(q.during?.kind == .last(3, .month))
        #expect(q.having != nil)
    }

    @Test func andBindsTighterThanOr() throws {
        let q = try #require(query("leads where a = 1 or b = 2 and c = 3"))
        guard case .or(_, let right)? = q.filter?.kind, case .and = right.kind else {
            Issue.record("expected a or (b and c), got \(String(describing: q.filter))")
            return
        }
    }

    @Test func notAppliesToOnePredicate() throws {
        let q = try #require(query("leads where not a = 1 and b = 2"))
        guard case .and(let left, _)? = q.filter?.kind, case .not = left.kind else {
            Issue.record("expected (not a) and b")
            return
        }
    }

    @Test func literals() throws {
        let q = try #require(query("leads where a in (1, -2.5, 90%, 2d, 2026-Q2, \"x\\\"y\")"))
        guard case .inList(_, let values, false)? = q.filter?.kind else { Issue.record("no list"); return }
        #expect(values.map(\.kind) == [
            .number(1, percent: false), .number(-2.5, percent: false), .number(0.9, percent: true), .duration(172_800),
            .date(DateLiteral(year: 2026, month: 4, day: 1, span: .quarter)), .string("x\"y"),
        ])
    }

    @Test func periods() {
        let forms: [(String, Period.Kind)] = [
            ("today", .today), ("yesterday", .yesterday), ("this week", .this(.week)), ("last month", .last(1, .month)),
            ("last 90 days", .last(90, .day)), ("past 7d", .past(seconds: 604_800)),
            ("2026-03", .date(DateLiteral(year: 2026, month: 3, day: 1, span: .month))),
            ("2026", .date(DateLiteral(year: 2026, month: 1, day: 1, span: .year))),
            ("2026-01-01 to 2026-02-01", .between(DateLiteral(year: 2026, month: 1, day: 1, span: .day), DateLiteral(year: 2026, month: 2, day: 1, span: .day))),
        ]
        for (text, kind) in forms {
            #expect(query("leads during " + text)?.during?.kind == kind, "\(text)")
        }
    }

    @Test func moments() {
        guard case .set(_, let arguments)? = Parser.parse("set now 2026-11-23T09:30:00+01:00").statement?.kind,
              case .date(let date) = arguments.first?.kind else { Issue.record("no moment"); return }
        #expect(date == DateLiteral(year: 2026, month: 11, day: 23, span: .moment, secondOfDay: 34_200, offset: 3600))
    }

    @Test func momentWithALongFraction() {
        guard case .set(_, let arguments)? = Parser.parse("set now 2026-01-01T00:00:00.9999999999Z").statement?.kind,
              case .date(let date) = arguments.first?.kind else { Issue.record("no moment"); return }
        #expect(date == DateLiteral(year: 2026, month: 1, day: 1, span: .moment, secondOfDay: 0, millisecond: 999, offset: 0))
    }

    @Test func errorsPointAtTheToken() {
        #expect(error("rate where") == "1:11: expected a value or a name, found the end of the statement")
        #expect(error("rate by month\n  where segment = ") == "2:18: expected a value or a name, found the end of the statement")
        #expect(error("rate order segment") == "1:12: expected by, found \"segment\"")
        #expect(error("rate top ten") == "1:10: top and limit take a whole number of rows, such as top 10")
        #expect(error("rate where x = 2026-13") == "1:16: \"2026-13\" is not a date: write 2026-03-01, 2026-03, 2026-Q1 or 2026")
        #expect(error("rate | print") == "1:8: after | write export \"file.csv\", chart or sql")
        #expect(error("where x = 1") == "1:1: expected a measure such as rate, speed or count")
        #expect(error("") == "1:1: expected a statement")
    }

    @Test func sqlTakesAnOptionalDialect() {
        let plain = Parser.parse("rate | sql").statement?.posts.first?.kind
        #expect(plain == .sql(dialect: nil))
        guard case .sql(let dialect?)? = Parser.parse("rate | sql duckdb | export \"a.csv\"").statement?.posts.first?.kind else {
            Issue.record("no dialect"); return
        }
        #expect(dialect.text == "duckdb")
        #expect(dialect.range.start == 11)
    }

    @Test func deepNestingIsAClearErrorNotACrash() {
        let deep = "leads where " + String(repeating: "(", count: 10_000) + "a = 1" + String(repeating: ")", count: 10_000)
        #expect(error(deep)?.contains("nests too deeply") == true)
        let nots = "leads where " + String(repeating: "not ", count: 10_000) + "a = 1"
        #expect(error(nots)?.contains("nests too deeply") == true)
    }

    @Test func longStatementsParse() {
        let terms = (0..<4000).map { "owner = \"rep number \($0)\"" }.joined(separator: " or ")
        let text = "leads where " + terms
        #expect(text.utf8.count > 100_000)
        #expect(Parser.parse(text).statement != nil)
    }

    /// A keyword where a name is expected is read as a name (a CSV column may
    /// be called `Order`); the analyzer then says whether such a field exists.
    @Test(arguments: ["where", "by", "during", "having", "order", "top", "limit", "as", "and", "or", "not", "in", "like", "is", "null", "to"])
    func keywordsInNamePositionsNeverCrash(keyword: String) {
        let result = Parser.parse("leads where \(keyword) = 1")
        #expect(result.statement != nil || !result.diagnostics.isEmpty)
    }
}

/// Inputs the fuzzers found crashing, kept as they were found.
@Suite struct ParserFuzzRegressionTests {
    /// Minutes of twenty-seven digits overflowed the conversion to an integer.
    @Test func aMomentWithAHugeMinuteIsABadDate() {
        let result = Parser.parse("set nowChloé Martin 0013-03-16T12:052222222222222222222222222")
        #expect(result.statement == nil)
        #expect(result.diagnostics.first?.message == "\"0013-03-16T12:052222222222222222222222222\" is not a date: write 2026-03-01, 2026-03, 2026-Q1 or 2026")
    }

    @Test(arguments: ["2026-01-01T10:99999999999999999999", "2026-01-01T10:00+05:99999999999999999999", "2026-01-01T1:2:3.", "2026-01-01T10:00:00.5Z"])
    func oddMomentsNeverCrash(text: String) {
        _ = Parser.parse("set now " + text)
    }
}
