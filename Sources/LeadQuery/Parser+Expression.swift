/// Filters and measures: logical operators by a precedence table, predicates, operands.
extension Parser {
    /// The binary logical operators, loosest first.
    static let logicalOperators: [String: Int] = ["or": 1, "and": 2]

    /// expr := unary { ("or" | "and") unary }, by precedence
    ///
    /// A run of one operator (`a or b or c …`) becomes a balanced tree, so a
    /// chain of thousands of terms nests only as deep as its logarithm and
    /// every later stage can walk it recursively.
    mutating func parseExpression(minimumPrecedence: Int = 1) throws(Failure) -> Expr {
        try enter()
        defer { leave() }
        var lhs = try parseUnary()
        while let (word, precedence) = logicalOperator, precedence >= minimumPrecedence {
            var operands = [lhs]
            while logicalOperator?.word == word {
                index += 1
                operands.append(try parseExpression(minimumPrecedence: precedence + 1))
            }
            lhs = Self.balanced(operands[...], word == "or")
        }
        return lhs
    }

    /// The logical operator in hand and its precedence.
    private var logicalOperator: (word: String, precedence: Int)? {
        guard let token = current, token.kind == .word else { return nil }
        let word = text(token).lowercased()
        return Self.logicalOperators[word].map { (word, $0) }
    }

    /// `a op b op c …` as a balanced tree (the first half the larger, so
    /// `a or b or c` reads `(a or b) or c`).
    static func balanced(_ operands: ArraySlice<Expr>, _ isOr: Bool) -> Expr {
        if operands.count == 1 { return operands[operands.startIndex] }
        let middle = operands.startIndex + (operands.count + 1) / 2
        let lhs = balanced(operands[..<middle], isOr), rhs = balanced(operands[middle...], isOr)
        let range = SourceRange(start: lhs.range.start, end: rhs.range.end, line: lhs.range.line, column: lhs.range.column)
        return Expr(kind: isOr ? .or(lhs, rhs) : .and(lhs, rhs), range: range)
    }

    /// unary := "not" unary | predicate
    mutating func parseUnary() throws(Failure) -> Expr {
        let start = here
        if acceptWord("not") {
            try enter()
            defer { leave() }
            let operand = try parseUnary()
            return Expr(kind: .not(operand), range: span(from: start))
        }
        return try parsePredicate()
    }

    /// predicate := operand [ op operand | [not] in (operand, …) | [not] like operand
    ///              | is [not] null | in period ]
    mutating func parsePredicate() throws(Failure) -> Expr {
        let lhs = try parseOperand()
        let start = lhs.range
        if let token = current, token.kind == .symbol, let op = ComparisonOperator(symbol: text(token)) {
            index += 1
            let rhs = try parseOperand()
            return Expr(kind: .compare(op, lhs, rhs), range: span(from: start))
        }
        let negated = isWord("not") && (isWord("in", at: 1) || isWord("like", at: 1))
        if negated { index += 1 }
        if acceptWord("in") {
            if acceptSymbol("(") {
                let values = try parseList { (parser: inout Parser) throws(Failure) in try parser.parseOperand() }
                try expectSymbol(")")
                return Expr(kind: .inList(lhs, values, negated: negated), range: span(from: start))
            }
            if negated { throw fail(Messages.expected("( after not in", found: describeCurrent)) }
            return Expr(kind: .inPeriod(lhs, try parsePeriod()), range: span(from: start))
        }
        if acceptWord("like") {
            return Expr(kind: .like(lhs, try parseOperand(), negated: negated), range: span(from: start))
        }
        if acceptWord("is") {
            let not = acceptWord("not")
            try expectWord("null")
            return Expr(kind: .isNull(lhs, negated: not), range: span(from: start))
        }
        return lhs
    }

    /// operand := "(" expr ")" | STRING | NUMBER ["%"] | "-" NUMBER | "-" DURATION | DURATION | DATE
    ///          | NAME "(" [expr {"," expr}] ")" | NAME "." NAME | NAME
    mutating func parseOperand() throws(Failure) -> Expr {
        try enter()
        defer { leave() }
        guard let token = current else { throw fail(Messages.expected("a value or a name", found: describeCurrent)) }
        let start = token.range
        switch token.kind {
        case .symbol where text(token) == "(":
            index += 1
            var inner = try parseExpression()
            try expectSymbol(")")
            inner.range = span(from: start)
            return inner
        case .symbol where text(token) == "-" && index + 1 < tokens.count && [.number, .duration].contains(tokens[index + 1].kind):
            index += 1
            let number = try parseOperand()
            if case .duration(let seconds) = number.kind { return Expr(kind: .duration(-seconds), range: span(from: start)) }
            guard case .number(let value, let percent) = number.kind else { return number }
            return Expr(kind: .number(-value, percent: percent), range: span(from: start))
        case .string:
            index += 1
            return Expr(kind: .string(Self.unquote(text(token))), range: start)
        case .number:
            index += 1
            let value = Double(text(token)) ?? 0
            if acceptSymbol("%") { return Expr(kind: .number(value / 100, percent: true), range: span(from: start)) }
            return Expr(kind: .number(value, percent: false), range: start)
        case .duration:
            index += 1
            return Expr(kind: .duration(try Self.duration(text(token), at: start)), range: start)
        case .date:
            index += 1
            return Expr(kind: .date(try Self.date(text(token), at: start)), range: start)
        case .word:
            let word = try name()
            if acceptSymbol("(") {
                var arguments: [Expr] = []
                if !isSymbol(")") {
                    arguments = try parseList { (parser: inout Parser) throws(Failure) in try parser.parseExpression() }
                }
                try expectSymbol(")")
                return Expr(kind: .call(name: word, arguments: arguments), range: span(from: start))
            }
            if isSymbol("."), index + 1 < tokens.count, tokens[index + 1].kind == .word {
                index += 1
                let member = try name()
                return Expr(kind: .member(base: word, member: member), range: span(from: start))
            }
            return Expr(kind: .name(word.text), range: start)
        default:
            throw fail(Messages.expected("a value or a name", found: describeCurrent))
        }
    }

    /// The text inside a string literal, its `\"` and `\\` undone.
    static func unquote(_ literal: String) -> String {
        var result = ""
        var escaped = false
        for character in literal.dropFirst() {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                break
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension ComparisonOperator {
    init?(symbol: String) {
        switch symbol {
        case "=", "==": self = .equal
        case "!=", "<>": self = .notEqual
        default: self.init(rawValue: symbol)
        }
    }
}
