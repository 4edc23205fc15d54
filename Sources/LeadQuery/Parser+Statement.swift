/// Statements and the clauses of a query.
extension Parser {
    /// Words that start a clause and so end the expression before them.
    static let clauseWords = Set(Keyword.words(.clause))

    /// statement := query | list … | let NAME "=" expr | set OPTION value {[","] value} ; then { "|" post }
    mutating func parseStatement() throws(Failure) -> Statement {
        guard let first = current else { throw fail(Messages.emptyStatement) }
        var statement: Statement
        if acceptWord("list") {
            statement = Statement(kind: .list(try parseList()), range: first.range)
        } else if acceptWord("let") {
            let name = try name()
            try expectSymbol("=")
            statement = Statement(kind: .define(name: name, value: try parseExpression()), range: first.range)
        } else if acceptWord("set") {
            let option = try name()
            var arguments: [Expr] = []
            while !atEnd && !isSymbol("|") {
                arguments.append(try parseOperand())
                _ = acceptSymbol(",")
            }
            statement = Statement(kind: .set(option: option, arguments: arguments), range: first.range)
        } else {
            try refuseSQL()
            statement = Statement(kind: .query(try parseQuery()), range: first.range)
        }
        while acceptSymbol("|") { statement.posts.append(try parsePost()) }
        guard atEnd else {
            var message = Messages.expected("the end of the statement", found: describeCurrent)
            var fixIt: String?
            if let token = current, token.kind == .word,
               let clause = NameMatcher.nearest(to: text(token), in: Keyword.words(.clause) + Keyword.words(.post)) {
                message += NameMatcher.didYouMean(clause)
                fixIt = clause
            }
            var failure = fail(message)
            failure.diagnostic.fixIt = fixIt
            throw failure
        }
        statement.range = span(from: first.range)
        return statement
    }

    /// query := measures [where filter] [during period] [by group {"," group}] [having filter]
    ///          [order by key [asc|desc], …] [(top | limit) INT] [vs comparison]   (clauses in any order, each once)
    /// group := expr   (a field, a unit, `field.unit`, a call or a condition)
    mutating func parseQuery() throws(Failure) -> Query {
        if atEnd || Self.clauseWords.contains(current.map(text)?.lowercased() ?? "") {
            throw fail(Messages.expectedMeasure)
        }
        var query = Query(measures: try parseMeasures())
        var seen = Set<Keyword>()
        while let token = current, token.kind == .word {
            let word = text(token).lowercased()
            guard let keyword = Keyword(word: word), Keyword.queryClauses.contains(keyword) else { break }
            guard seen.insert(keyword == .top ? .limit : keyword).inserted else { throw fail(Messages.duplicateClause(word)) }
            index += 1
            switch keyword {
            case .where: query.filter = try parseExpression()
            case .during: query.during = try parsePeriod()
            case .by: query.groups = try parseList { (parser: inout Parser) throws(Failure) in try parser.parseExpression() }
            case .having: query.having = try parseExpression()
            case .order:
                try expectWord("by")
                query.order = try parseOrderKeys()
            case .vs: query.comparison = try parseComparison()
            default:
                query.limit = try parseLimit()
                query.takesLargest = keyword == .top
            }
        }
        return query
    }

    /// measures := measure ["as" NAME] {"," measure ["as" NAME]}
    mutating func parseMeasures() throws(Failure) -> [MeasureItem] {
        try parseList { (parser: inout Parser) throws(Failure) in
            let expr = try parser.parseExpression()
            let alias = parser.acceptWord("as") ? try parser.name() : nil
            return MeasureItem(expr: expr, alias: alias)
        }
    }

    /// key {"," key};  key := operand ["asc" | "desc"]
    mutating func parseOrderKeys() throws(Failure) -> [OrderKey] {
        try parseList { (parser: inout Parser) throws(Failure) in
            let expr = try parser.parseOperand()
            if parser.acceptWord("desc") { return OrderKey(expr: expr, descending: true) }
            _ = parser.acceptWord("asc")
            return OrderKey(expr: expr, descending: false)
        }
    }

    /// comparison := "previous" | "last" "year"   (after "vs")
    mutating func parseComparison() throws(Failure) -> Comparison {
        let start = here
        if acceptWord("previous") { return Comparison(kind: .previous, range: span(from: start)) }
        if acceptWord("last") {
            try expectWord("year")
            return Comparison(kind: .lastYear, range: span(from: start))
        }
        throw fail(Messages.expected("previous or last year after vs", found: describeCurrent))
    }

    /// INT
    mutating func parseLimit() throws(Failure) -> Int {
        guard let token = current, token.kind == .number, let value = Int(text(token)), value >= 0 else {
            throw fail(Messages.limitNeedsNumber)
        }
        index += 1
        return value
    }

    /// list := ("leads" | "touches") [field {"," field}] [where filter] [order by keys] [limit INT]
    mutating func parseList() throws(Failure) -> ListQuery {
        let table = try name()
        guard ["leads", "touches"].contains(table.text.lowercased()) else { throw fail(Messages.listTable, at: table.range) }
        var list = ListQuery(table: table, columns: [])
        if let token = current, token.kind == .word, !["where", "order", "limit", "top"].contains(text(token).lowercased()) {
            list.columns = try parseList { (parser: inout Parser) throws(Failure) in try parser.name() }
        }
        if acceptWord("where") { list.filter = try parseExpression() }
        if acceptWord("order") {
            try expectWord("by")
            list.order = try parseOrderKeys()
        }
        if acceptWord("limit") || acceptWord("top") { list.limit = try parseLimit() }
        return list
    }

    /// post := "export" ["append"] STRING | "chart" [STRING] | "sql" [NAME]
    mutating func parsePost() throws(Failure) -> Post {
        let start = here
        if acceptWord("export") {
            let append = acceptWord("append")
            guard let token = current, token.kind == .string else { throw fail(Messages.expected("a file name in quotes", found: describeCurrent)) }
            index += 1
            let path = Self.unquote(text(token))
            return Post(kind: append ? .exportAppend(path: path) : .export(path: path), range: span(from: start))
        }
        if acceptWord("chart") {
            guard let token = current, token.kind == .string else { return Post(kind: .chart(path: nil), range: span(from: start)) }
            index += 1
            return Post(kind: .chart(path: Self.unquote(text(token))), range: span(from: start))
        }
        if acceptWord("sql") {
            let dialect = current?.kind == .word ? try name() : nil
            return Post(kind: .sql(dialect: dialect), range: span(from: start))
        }
        throw fail(Messages.postExpected)
    }

    /// item {"," item}
    mutating func parseList<T>(_ item: (inout Parser) throws(Failure) -> T) throws(Failure) -> [T] {
        var items = [try item(&self)]
        while acceptSymbol(",") { items.append(try item(&self)) }
        return items
    }
}
