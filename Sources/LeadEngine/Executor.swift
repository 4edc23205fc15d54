import LeadQuery
import LeadStore

/// Runs a bound plan into a `ResultTable`: in memory over the loaded store,
/// or by an engine that holds the data. `Session.run` binds once and hands the
/// plan to the session's executor, so bands, formatting and exports never know
/// which one answered.
package protocol Executor: Sendable {
    /// How the banner and `.summary` name it.
    var name: String { get }
    func run(_ query: BoundQuery, in session: Session, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> ResultTable
    func run(_ list: BoundList, in session: Session, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> ResultTable
    var readsStore: Bool { get }
    func distinctValues(of field: String, grain: Grain, limit: Int) -> [String]?
    func rowCounts() -> (leads: Int, touches: Int)?
    func rows(_ sql: String) -> [[String?]]?
    /// The distinct values of the leads' `timezone` column, asked anew (at most one more than `SQLPlan.leadZoneLimit`).
    func leadZoneValues() throws(Diagnostic) -> [String]
}

/// The executor over the columns loaded in memory.
package struct InMemoryExecutor: Executor {
    package init() {}

    package var name: String { "in memory" }

    package func run(_ query: BoundQuery, in session: Session, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> ResultTable {
        try QueryExecutor(store: session.store, settings: session.settings, isCancelled: isCancelled).run(query)
    }

    package func run(_ list: BoundList, in session: Session, isCancelled: (@Sendable () -> Bool)?) throws(Diagnostic) -> ResultTable {
        try ListExecutor(store: session.store, isCancelled: isCancelled).run(list)
    }
}

/// What an engine that holds the data (rather than the store) answers
/// outside statements: the store it binds against has the fields but no rows.
extension Executor {
    /// Whether the session's store holds the rows this executor reads.
    package var readsStore: Bool { true }
    /// The distinct values of a text field, fewer than `limit`, or nil when
    /// there are more or the engine cannot tell.
    package func distinctValues(of field: String, grain: Grain, limit: Int) -> [String]? { nil }
    /// How many leads and touches the engine holds.
    package func rowCounts() -> (leads: Int, touches: Int)? { nil }
    /// The answer of a query over the engine's `leads` and `touches`, header first; nil when it fails.
    package func rows(_ sql: String) -> [[String?]]? { nil }
    /// None: the store's own column holds them.
    package func leadZoneValues() throws(Diagnostic) -> [String] { [] }
}
