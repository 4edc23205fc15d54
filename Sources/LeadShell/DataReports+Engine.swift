import LeadEngine
import LeadStore

/// What `.summary`, `.schema` and the banner say when an engine holds the
/// data: which engine answers and how many rows it holds, nothing loaded.
extension DataReports {
    /// The load summary, or, with an engine, which engine answers and what it
    /// holds; `countingTouches` asks the engine where the touches go as well
    /// (`.summary` does, the banner does not, so that a start reads the data once).
    static func summary(_ session: Session, countingTouches: Bool = false) -> [String] {
        let executor = session.executor
        guard !executor.readsStore else { return session.store.summaryLines }
        let store = session.store
        var lines = [Messages.engineAnswers(executor.name, counts: executor.rowCounts())]
        lines.append("  leads:   " + fields(store.leads, skipping: Set(FollowUpIndex.derivedFieldNames)))
        lines.append("  touches: " + fields(store.touches, skipping: []))
        if countingTouches, let counts = engineTouchCounts(session) { lines += LoadSummary.lines(counts) }
        lines += store.summary.decisions.map { "  note: " + $0 }
        return lines
    }

    /// Rows in each table: the engine's counts when it holds the data.
    static func rowCounts(_ session: Session) -> (leads: Int, touches: Int) {
        let store = session.store
        guard !session.executor.readsStore, let counts = session.executor.rowCounts() else { return (store.leads.rowCount, store.touches.rowCount) }
        return counts
    }

    private static func fields(_ table: Table, skipping: Set<String>) -> String {
        table.columns.filter { !skipping.contains($0.name) }.map { "\($0.name) \($0.kind.rawValue)" }.joined(separator: ", ")
    }
}
