import Foundation
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
            if let due = cadenceFilter(name) { return due }
            if column(named: name) == nil && KPI.named(name) == nil { throw unknown(name, at: expr.range) }
            throw Diagnostic(.error, EngineMessages.notAFilter, at: expr.range)
        case .compare(let op, let lhs, let rhs):
            return try bindComparison(op, field: try field(lhs), value: rhs)
        case .inList(let lhs, let values, let negated):
            let column = try field(lhs)
            var result: BoundPredicate
            if case .text(let text) = column.data {
                var strings: [String] = []
                for value in values {
                    guard case .string(let string) = value.kind else { throw typeError(column, at: value.range) }
                    checkExists(string, in: text, field: column, at: value.range)
                    strings.append(string)
                }
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
            guard case .string(let string) = pattern.kind else { throw Diagnostic(.error, EngineMessages.likePattern, at: pattern.range) }
            let matcher = LikePattern(string)
            let truth = text.dictionary.values.map { matcher.matches($0) ? UInt8(2) : 0 }
            let result = BoundPredicate.textTruth(column, truth: truth, null: 1, test: .like(string))
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
            throw Diagnostic(.error, EngineMessages.fieldOnTheLeft, at: expr.range)
        }
        guard let column = column(named: name) else { throw unknown(name, at: expr.range) }
        return column
    }

    /// `field op value`, with the value read in the field's type.
    mutating func bindComparison(_ op: ComparisonOperator, field column: ColumnRef, value: Expr) throws(Diagnostic) -> BoundPredicate {
        switch column.data {
        case .text(let text):
            guard case .string(let string) = value.kind else { throw typeError(column, at: value.range) }
            if op == .equal || op == .notEqual {
                checkExists(string, in: text, field: column, at: value.range)
                // The one value's code, found by its bytes as the engines compare text: no value made a `String`.
                var truth = [UInt8](repeating: op == .equal ? 0 : 2, count: text.dictionary.count)
                if let code = text.dictionary.code(of: string) { truth[Int(code)] = op == .equal ? 2 : 0 }
                return .textTruth(column, truth: truth, null: 1, test: .compare(op, string))
            }
            // Ordered by bytes too, so that `x >= v and x <= v` is `x = v`.
            var literal = string
            let truth = literal.withUTF8 { literal in
                (0..<text.dictionary.count).map { code -> UInt8 in
                    text.dictionary.withBytes(of: UInt32(code)) { Self.holds(op, Self.byteOrder($0, UnsafeRawBufferPointer(literal))) } ? 2 : 0
                }
            }
            return .textTruth(column, truth: truth, null: 1, test: .compare(op, string))
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

    /// -1, 0 or 1 as `a` sorts before, with or after `b`, byte by byte (a
    /// prefix first), as PostgreSQL, DuckDB and Spark order text.
    static func byteOrder(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let shared = min(a.count, b.count)
        let order = shared == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, shared)
        if order != 0 { return order < 0 ? -1 : 1 }
        return a.count < b.count ? -1 : a.count == b.count ? 0 : 1
    }

    /// `byteOrder` of two strings' UTF-8.
    static func byteOrder(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in byteOrder(UnsafeRawBufferPointer(a), UnsafeRawBufferPointer(b)) } }
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
        return .textTruth(column, truth: truth, null: 1, test: .oneOf(values))
    }

    /// Text that is one of `words` in any case (`Connected`, `REPLIED`), for
    /// the outcome and channel words KPIs read.
    func textIn(_ column: ColumnRef, anyCaseOf words: Set<String>) -> BoundPredicate {
        guard case .text(let text) = column.data else { return .always(false) }
        let truth = text.dictionary.values.map { words.contains($0.lowercased()) ? UInt8(2) : 0 }
        return .textTruth(column, truth: truth, null: 1, test: .anyCaseOf(words.sorted()))
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

    /// Warns when no row has the value, listing the values that exist,
    /// nearest first. A field gets one warning however many of its values
    /// are absent (a list or chain of thousands): later ones only extend it.
    mutating func checkExists(_ value: String, in stored: TextColumn, field column: ColumnRef, at range: SourceRange) {
        let field = column.name
        var text = stored
        // Values still in their file (a statement with `| sql` does not read them) cannot be told.
        if executor.readsStore && stored.dictionary.isDeferred { return }
        if !executor.readsStore {
            guard let values = executor.distinctValues(of: field, grain: column.grain, limit: Self.engineValueLimit) else { return }
            text = TextColumn(codes: [], dictionary: TextDictionary(values))
        }
        guard text.dictionary.code(of: value) == nil else { return }
        if var absent = absentValues[field] {
            absent.count += 1
            if absent.shown.count < 3 { absent.shown.append(value) }
            warnings[absent.warning].message = absent.message(field: field)
            warnings[absent.warning].fixIt = nil
            absentValues[field] = absent
            return
        }
        let lower = value.lowercased()
        let target = Array(lower)
        // The nearest among the first values only: a column of a hundred million ids would take minutes.
        let values = (0..<min(text.dictionary.count, Self.engineValueLimit)).map { text.dictionary[UInt32($0)] }
        let distance = values.map { stored -> Int in
            let candidate = stored.lowercased()
            return candidate == lower ? -1 : NameMatcher.editDistance(Array(candidate), target)
        }
        let ranked = values.indices.sorted { a, b in
            distance[a] != distance[b] ? distance[a] < distance[b] : values[a] < values[b]
        }.prefix(8).map { values[$0] }
        let absent = AbsentValues(warning: warnings.count, shown: [value], count: 1, existing: ranked,
                                  moreExisting: text.dictionary.count - ranked.count)
        let fix = ranked.first.flatMap { $0.lowercased() == lower ? $0 : nil }
        warnings.append(Diagnostic(.warning, absent.message(field: field), at: range, fixIt: fix.map { "\"\($0)\"" }))
        absentValues[field] = absent
    }
}

extension Analyzer {
    /// The most distinct values an engine is asked for to check a value
    /// exists, and the most looked at for the nearest ones to suggest.
    static let engineValueLimit = 10_000
}

/// The values of one field a statement names that no row has, and where
/// their one warning is.
struct AbsentValues {
    var warning: Int
    /// The first few, to name in the warning.
    var shown: [String]
    var count: Int
    /// The values that do exist, nearest the first absent one first.
    var existing: [String]
    var moreExisting: Int

    func message(field: String) -> String {
        EngineMessages.unknownValue(shown, others: count - shown.count, field: field, existing: existing, more: moreExisting)
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
