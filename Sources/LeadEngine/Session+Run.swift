import LeadQuery
import LeadStore

/// What running one statement gave.
public enum StatementOutcome: Sendable {
    /// A table to show, and what to do with it after (`| export …`).
    case table(ResultTable, posts: [Post])
    /// A statement that changed the session (`let`, `set`), with a line to say so.
    case done(String)
    /// A statement with `| sql`: what it compiles to is written by `LeadSQL`.
    case sql(SQLPlan)
}

/// The one entry from statement text to an answer.
extension Session {
    /// Parses, analyzes and runs one statement. Errors come back as
    /// diagnostics pointing into `text`; warnings ride on the result.
    /// `isCancelled` is asked between batches of rows; when it answers true
    /// the statement stops with an "interrupted" error. `reading`, given the
    /// names of touch columns still in their file that the statement needs,
    /// gives what their reading reports its progress to (1 once it is done).
    public mutating func run(
        _ text: String, isCancelled: (@Sendable () -> Bool)? = nil, reading: ((_ columns: [String]) -> LoadProgress)? = nil
    ) -> Result<StatementOutcome, Diagnostic> {
        let (parsed, diagnostics) = Parser.parse(text)
        guard let statement = parsed else { return .failure(diagnostics[0]) }
        do {
            try loadDeferred(for: statement, source: text, isCancelled: isCancelled, reading: reading)
            return .success(try execute(statement, source: text, isCancelled: isCancelled))
        } catch {
            return .failure(error)
        }
    }

    private mutating func execute(
        _ statement: Statement, source: String, isCancelled: (@Sendable () -> Bool)?
    ) throws(Diagnostic) -> StatementOutcome {
        var analyzer = Analyzer(store: store, settings: settings, definitions: definitions, source: source, nextDue: nextDue)
        analyzer.businessTimes = businessTimes
        analyzer.executor = executor
        switch statement.kind {
        case .query(let query):
            let bound = try analyzer.bindQuery(query)
            if let dialect = try sqlDialect(statement.posts) { return .sql(try SQLPlan(statement: .query(bound), dialect: dialect, session: self)) }
            return .table(inZone(try executor.run(bound, in: self, isCancelled: isCancelled)), posts: statement.posts)
        case .list(let list):
            let bound = try analyzer.bindList(list)
            if let dialect = try sqlDialect(statement.posts) { return .sql(try SQLPlan(statement: .list(bound), dialect: dialect, session: self)) }
            return .table(inZone(try executor.run(bound, in: self, isCancelled: isCancelled)), posts: statement.posts)
        case .define(let name, let value):
            let reserved = Set(KPI.all.map(\.name) + AggregateFunction.allCases.map(\.rawValue) + ["share", BusinessResponse.field])
            if reserved.contains(name.text.lowercased()) || analyzer.column(named: name.text) != nil {
                throw Diagnostic(.error, EngineMessages.nameTaken(name.text), at: name.range)
            }
            let isMeasure = !Definitions.isFilter(value, definitions: definitions)
            if isMeasure {
                _ = try analyzer.bindMeasure(value, name: name.text)
            } else {
                _ = try analyzer.bindFilter(value)
            }
            let text = analyzer.text(of: SourceRange(start: value.range.start, end: source.utf8.count, line: 1, column: 1))
            definitions.define(.init(name: name.text, expr: value, text: text, isMeasure: isMeasure))
            return .done("\(name.text) is now a named \(isMeasure ? "measure" : "filter")")
        case .set(let option, let arguments):
            var said = try settings.apply(option: option, arguments: arguments, buckets: settings.buckets)
            let loaded = store.summary.wallClock
            if ["tz", "timezone"].contains(option.text.lowercased()), loaded.count > 0, loaded.zone != settings.zone.name {
                said += EngineMessages.zoneAtLoad(count: loaded.count, readIn: loaded.zone, now: settings.zone.name)
            }
            said += afterBusinessSetting(option.text)
            return .done(said)
        }
    }

    /// The result with every column shown in the session's zone and week.
    private func inZone(_ table: ResultTable) -> ResultTable {
        var table = table
        for index in table.columns.indices { table.columns[index].buckets = settings.buckets }
        return table
    }

    /// The dialect `| sql` asks for, if the statement ends in it.
    private func sqlDialect(_ posts: [Post]) throws(Diagnostic) -> SQLDialectName? {
        for post in posts {
            guard case .sql(let name) = post.kind else { continue }
            if posts.count > 1 { throw Diagnostic(.error, EngineMessages.sqlStandsAlone, at: post.range) }
            guard let name else { return settings.dialect }
            return try Settings.dialect(named: name.text, at: name.range)
        }
        return nil
    }
}
