import LeadQuery
import LeadStore

/// Binds a statement's names to the loaded data and checks it: fields exist
/// and have the right type, measures and groups agree on grain, values
/// exist. Produces a plan the executor runs, or diagnostics that point at
/// the text.
struct Analyzer {
    let store: LeadStore
    let settings: Settings
    let definitions: Definitions
    /// The statement's text, for naming measures as written.
    let source: String
    var warnings: [Diagnostic] = []
    /// Definitions being expanded, to refuse a definition that uses itself.
    var expanding: [String] = []
    /// Named filters bound so far, so a name used many times is bound once
    /// and shared (a bound predicate is an immutable tree).
    var boundFilters: [String: BoundPredicate] = [:]
    /// Values no row has, by field, for one warning per field.
    var absentValues: [String: AbsentValues] = [:]
    /// Whether a name both tables have (`lead_id`) means the touches' column:
    /// set when the query groups by touch fields.
    var prefersTouchColumns = false
    /// Business responses already counted in this session.
    var businessTimes: BusinessTimes?
    /// What answers the statement: asked for a field's values when the store holds no rows.
    var executor: any Executor = InMemoryExecutor()

    /// The session's `next_due_at` for its cadence, made once and reused.
    let nextDue: NextDue

    init(store: LeadStore, settings: Settings, definitions: Definitions, source: String, nextDue: NextDue) {
        self.store = store
        self.settings = settings
        self.definitions = definitions
        self.source = source
        self.nextDue = nextDue
    }

    /// The text an expression was written as.
    func text(of range: SourceRange) -> String {
        let utf8 = Array(source.utf8)
        guard range.start >= 0, range.end <= utf8.count, range.start <= range.end else { return "" }
        return String(decoding: utf8[range.start..<range.end], as: UTF8.self)
    }

    // MARK: Fields

    /// The column named `name` of either table, lead fields first.
    func column(named name: String) -> ColumnRef? {
        let key = name.lowercased()
        if prefersTouchColumns, let column = store.touches[key] { return ColumnRef(name: key, data: column.data, grain: .touch) }
        if let column = store.leads[key] { return ColumnRef(name: key, data: column.data, grain: .lead) }
        if key == "next_due_at" { return nextDueColumn() }
        if key == BusinessResponse.field { return businessResponseColumn() }
        if let column = store.touches[key] { return ColumnRef(name: key, data: column.data, grain: .touch) }
        return nil
    }

    /// Whether a `by` term names a field only touches have (`channel`, `at.month`).
    func isTouchOnly(_ expr: Expr) -> Bool {
        let name: String
        switch expr.kind {
        case .name(let word): name = word
        case .member(let base, _): name = base.text
        default: return false
        }
        return store.touches[name.lowercased()] != nil && store.leads[name.lowercased()] == nil
    }

    /// A lead column a KPI is built on.
    func lead(_ name: String, _ range: SourceRange) throws(Diagnostic) -> ColumnRef {
        guard let column = store.leads[name] else { throw Diagnostic(.error, EngineMessages.missingColumn(name, table: "leads"), at: range) }
        return ColumnRef(name: name, data: column.data, grain: .lead)
    }

    /// A touch column a KPI is built on.
    func touch(_ name: String, _ range: SourceRange) throws(Diagnostic) -> ColumnRef {
        guard let column = store.touches[name] else { throw Diagnostic(.error, EngineMessages.missingColumn(name, table: "touches"), at: range) }
        return ColumnRef(name: name, data: column.data, grain: .touch)
    }

    /// Every name a statement may use, for suggestions.
    var knownNames: [String] {
        store.leads.columnNames + ["next_due_at", BusinessResponse.field] + Self.cadenceFilters + store.touches.columnNames + KPI.all.map(\.name)
            + AggregateFunction.allCases.map(\.rawValue) + ["share"] + definitions.all.map(\.name)
            + TimeUnit.allCases.map(\.rawValue)
    }

    /// Names of the things that can be measured: KPIs, aggregates, named measures.
    var measureNames: [String] {
        KPI.all.map(\.name) + AggregateFunction.allCases.map(\.rawValue) + ["share"]
            + definitions.all.filter(\.isMeasure).map(\.name)
    }

    /// An error for a name nothing answers to, with the nearest known name
    /// (the nearest of `preferred` when one is as near as any).
    func unknown(_ name: String, at range: SourceRange, preferring preferred: [String] = []) -> Diagnostic {
        if name.lowercased() == BusinessResponse.field { return Diagnostic(.error, EngineMessages.noHours(BusinessResponse.field), at: range) }
        let suggestion = NameMatcher.nearest(to: name, in: preferred) ?? NameMatcher.nearest(to: name, in: knownNames)
        return Diagnostic(.error, EngineMessages.unknownName(name, suggestion: suggestion), at: range, fixIt: suggestion)
    }

    /// The lead field that answers a question about a touch field, if any.
    static func leadEquivalent(of touchField: String) -> String? {
        ["channel": "first_channel", "rep": "first_rep", "at": "first_followup_at"][touchField]
    }

    // MARK: Definitions

    /// Expands a `let` name, refusing one that uses itself.
    mutating func expand<T>(_ definition: Definitions.Definition, at range: SourceRange,
                            _ bind: (inout Analyzer, Expr) throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        let key = definition.name.lowercased()
        if expanding.contains(key) { throw Diagnostic(.error, EngineMessages.cycle(definition.name), at: range) }
        expanding.append(key)
        defer { expanding.removeLast() }
        var inner = Analyzer(store: store, settings: settings, definitions: definitions, source: definition.text, nextDue: nextDue)
        inner.expanding = expanding
        inner.businessTimes = businessTimes
        inner.executor = executor
        let shifted = Self.shift(definition.expr, by: -Self.offset(of: definition))
        do {
            let result = try bind(&inner, shifted)
            warnings += inner.warnings.map { var w = $0; w.range = range; return w }
            return result
        } catch {
            var moved = error
            moved.message = "in \(definition.name): " + error.message
            moved.range = range
            throw moved
        }
    }

    private static func offset(of definition: Definitions.Definition) -> Int { definition.expr.range.start }

    /// The expression with its ranges moved, so they index the definition's own text.
    private static func shift(_ expr: Expr, by delta: Int) -> Expr {
        var copy = expr
        copy.range.start += delta
        copy.range.end += delta
        func s(_ e: Expr) -> Expr { shift(e, by: delta) }
        switch expr.kind {
        case .call(let name, let arguments):
            var moved = name
            moved.range.start += delta
            moved.range.end += delta
            copy.kind = .call(name: moved, arguments: arguments.map(s))
        case .compare(let op, let a, let b): copy.kind = .compare(op, s(a), s(b))
        case .inList(let a, let values, let negated): copy.kind = .inList(s(a), values.map(s), negated: negated)
        case .like(let a, let b, let negated): copy.kind = .like(s(a), s(b), negated: negated)
        case .isNull(let a, let negated): copy.kind = .isNull(s(a), negated: negated)
        case .inPeriod(let a, let period): copy.kind = .inPeriod(s(a), period)
        case .not(let a): copy.kind = .not(s(a))
        case .and(let a, let b): copy.kind = .and(s(a), s(b))
        case .or(let a, let b): copy.kind = .or(s(a), s(b))
        default: break
        }
        return copy
    }
}
