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
