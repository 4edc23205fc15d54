import LeadQuery
import LeadStore

/// Binding filters: `where`, `having`-free predicates, `share(…)` and `let` filters.
extension Analyzer {
    /// filter := comparison | [not] in (…) | [not] like | is [not] null | in period | NAME | not/and/or
    mutating func bindFilter(_ expr: Expr) throws(Diagnostic) -> BoundPredicate {
        switch expr.kind {
        case .and(let a, let b): return .and(try bindFilter(a), try bindFilter(b))
        case .or(let a, let b): return .or(try bindFilter(a), try bindFilter(b))
        case .not(let a): return .not(try bindFilter(a))
        case .name(let name):
            if let definition = definitions[name] {
                guard !definition.isMeasure else { throw Diagnostic(.error, EngineMessages.notAFilter, at: expr.range) }
                if let bound = boundFilters[name.lowercased()] { return bound }
                let bound = try expand(definition, at: expr.range) { (analyzer: inout Analyzer, e: Expr) throws(Diagnostic) in try analyzer.bindFilter(e) }
                boundFilters[name.lowercased()] = bound
                return bound
            }
            if column(named: name) == nil && KPI.named(name) == nil { throw unknown(name, at: expr.range) }
            throw Diagnostic(.error, EngineMessages.notAFilter, at: expr.range)
        case .compare(let op, let lhs, let rhs):
            return try bindComparison(op, field: try field(lhs), value: rhs)
        case .inList(let lhs, let values, let negated):
            let column = try field(lhs)
            var result: BoundPredicate
            if case .text(let text) = column.data {
                var strings: [String] = []
                var absent: [(value: String, range: SourceRange)] = []
                for value in values {
                    guard case .string(let string) = value.kind else { throw typeError(column, at: value.range) }
                    if text.dictionary.code(of: string) == nil { absent.append((string, value.range)) }
                    strings.append(string)
                }
                warnAbsent(absent, in: text, field: column.name)
                result = textIn(column, strings)
            } else {
                var parts: [BoundPredicate] = []
                for value in values { parts.append(try bindComparison(.equal, field: column, value: value)) }
                result = BoundPredicate.any(parts) ?? .always(false)
            }
            return negated ? .not(result) : result
        case .like(let lhs, let pattern, let negated):
            let column = try field(lhs)
            guard case .text(let text) = column.data else { throw typeError(column, at: lhs.range) }
            guard case .string(let string) = pattern.kind else { throw Diagnostic(.error, "like takes a pattern in quotes, such as \"Acme%\"", at: pattern.range) }
            let matcher = LikePattern(string)
            let truth = text.dictionary.values.map { matcher.matches($0) ? UInt8(2) : 0 }
            let result = BoundPredicate.textTruth(column, truth: truth, null: 1)
            return negated ? .not(result) : result
        case .isNull(let lhs, let negated):
            return .isNull(try field(lhs), negated: negated)
        case .inPeriod(let lhs, let period):
            let column = try field(lhs)
            guard case .timestamp = column.data else { throw typeError(column, at: lhs.range) }
            let span = settings.buckets.span(of: period, now: settings.now)
            return .range(column, lower: span.start, upper: span.end)
        default:
            throw Diagnostic(.error, EngineMessages.notAFilter, at: expr.range)
        }
    }

    /// The field an operand names.
    mutating func field(_ expr: Expr) throws(Diagnostic) -> ColumnRef {
        guard case .name(let name) = expr.kind else {
            throw Diagnostic(.error, "expected a field name on the left, such as segment or response", at: expr.range)
        }
        guard let column = column(named: name) else { throw unknown(name, at: expr.range) }
        return column
    }

    /// `field op value`, with the value read in the field's type.
    mutating func bindComparison(_ op: ComparisonOperator, field column: ColumnRef, value: Expr) throws(Diagnostic) -> BoundPredicate {
        switch column.data {
        case .text(let text):
            guard case .string(let string) = value.kind else { throw typeError(column, at: value.range) }
            if op == .equal || op == .notEqual { checkExists(string, in: text, field: column.name, at: value.range) }
            let truth = text.dictionary.values.map { stored -> UInt8 in
                let order = stored < string ? -1 : stored == string ? 0 : 1
                return Self.holds(op, order) ? 2 : 0
            }
            return .textTruth(column, truth: truth, null: 1)
        case .number, .count:
            guard case .number(let number, _) = value.kind else { throw typeError(column, at: value.range) }
            return .compare(column, op, number)
        case .duration:
            switch value.kind {
            case .duration(let seconds): return .compare(column, op, Double(TimeScale.units(seconds: seconds)))
            case .number(0, _): return .compare(column, op, 0)
            default: throw typeError(column, at: value.range)
            }
        case .timestamp:
            let span: (start: Int64, end: Int64)
            switch value.kind {
            case .date(let date): span = settings.buckets.span(of: date)
            case .number(let year, false) where year == year.rounded() && year >= 1000 && year <= 9999:
                span = settings.buckets.span(of: DateLiteral(year: Int(year), month: 1, day: 1, span: .year))
            default: throw typeError(column, at: value.range)
            }
            switch op {
            case .equal: return .range(column, lower: span.start, upper: span.end)
            case .notEqual: return .and(.isNull(column, negated: true), .not(.range(column, lower: span.start, upper: span.end)))
            case .less: return .compare(column, .less, Double(span.start))
            case .greaterOrEqual: return .compare(column, .greaterOrEqual, Double(span.start))
            case .lessOrEqual: return .compare(column, .less, Double(span.end))
            case .greater: return .compare(column, .greaterOrEqual, Double(span.end))
            }
        }
    }

    static func holds(_ op: ComparisonOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        }
    }

    /// Text in a set of values.
    func textIn(_ column: ColumnRef, _ values: [String]) -> BoundPredicate {
        guard case .text(let text) = column.data else { return .always(false) }
        var truth = [UInt8](repeating: 0, count: text.dictionary.count)
        for value in values { if let code = text.dictionary.code(of: value) { truth[Int(code)] = 2 } }
        return .textTruth(column, truth: truth, null: 1)
    }

    /// Text that is one of `words` in any case (`Connected`, `REPLIED`), for
    /// the outcome and channel words KPIs read.
    func textIn(_ column: ColumnRef, anyCaseOf words: Set<String>) -> BoundPredicate {
        guard case .text(let text) = column.data else { return .always(false) }
        let truth = text.dictionary.values.map { words.contains($0.lowercased()) ? UInt8(2) : 0 }
        return .textTruth(column, truth: truth, null: 1)
    }

    /// A type error that says what the field holds and what to compare it with.
    func typeError(_ column: ColumnRef, at range: SourceRange) -> Diagnostic {
        let kind = switch column.data {
        case .text: "text"
        case .timestamp: "timestamps"
        case .duration: "durations"
        default: "numbers"
        }
        return Diagnostic(.error, EngineMessages.expectedValue(for: column.name, kind: kind), at: range)
    }

    /// Warns when no row has the value, listing the values that exist, nearest first.
    mutating func checkExists(_ value: String, in text: TextColumn, field: String, at range: SourceRange) {
        guard text.dictionary.code(of: value) == nil else { return }
        warnAbsent([(value, range)], in: text, field: field)
    }

    /// One warning for the values of a list no row has (however many), at the
    /// first of them, listing the values that exist nearest that one first.
    mutating func warnAbsent(_ absent: [(value: String, range: SourceRange)], in text: TextColumn, field: String) {
        guard let first = absent.first else { return }
        let lower = first.value.lowercased()
        let values = text.dictionary.values
        let target = Array(lower)
        let distance = values.map { value -> Int in
            let candidate = value.lowercased()
            return candidate == lower ? -1 : NameMatcher.editDistance(Array(candidate), target)
        }
        let ranked = values.indices.sorted { a, b in
            distance[a] != distance[b] ? distance[a] < distance[b] : values[a] < values[b]
        }.map { values[$0] }
        let shown = Array(ranked.prefix(8))
        let fix = absent.count == 1 ? ranked.first.flatMap { $0.lowercased() == lower ? $0 : nil } : nil
        let missing = absent.prefix(3).map(\.value)
        warnings.append(Diagnostic(
            .warning, EngineMessages.unknownValue(missing, others: absent.count - missing.count, field: field,
                                                  existing: shown, more: values.count - shown.count),
            at: first.range, fixIt: fix.map { "\"\($0)\"" }))
    }
}

/// A `like` pattern: `%` any run of characters, `_` any one; case-insensitive.
struct LikePattern {
    private let pattern: [Character]

    init(_ text: String) { pattern = Array(text.lowercased()) }

    func matches(_ value: String) -> Bool {
        let text = Array(value.lowercased())
        var p = 0, t = 0
        var star = -1, mark = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == "_" || pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count && pattern[p] == "%" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "%" { p += 1 }
        return p == pattern.count
    }
}
