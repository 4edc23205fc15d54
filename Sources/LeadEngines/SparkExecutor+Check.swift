import Foundation
import LeadEngine

/// What DuckDB and PostgreSQL check over every row at start, Spark checks
/// before its first statement (its session starts then): every touch's
/// direction is a word leadq knows. The in-memory load refuses any other;
/// SQL would count it as outbound. Times without an offset need no check:
/// Spark reads them in the load's zone, as the in-memory load does. Until
/// the check passes, every statement stops with its message.
extension SparkExecutor {
    func checkValues(isCancelled: (@Sendable () -> Bool)?) throws(EngineError) {
        guard !checked.passed else { return }
        if holds("direction", grain: .touch) {
            let sql = "SELECT min(direction) AS example FROM touches WHERE direction IS NOT NULL AND "
                + CanonicalTables.unknownDirection("direction") + " HAVING count(*) > 0"
            let rows = try driver.answer(sql, zone: "UTC", isCancelled: isCancelled)
            if let row = rows.dropFirst().first, let example = row.first ?? nil {
                throw EngineError(message: EngineMessages.refusedValue(
                    "direction", field: "direction", file: tables.touches.first?.path, example: example, zone: nil, engine: "spark"))
            }
        }
        checked.pass()
    }
}

/// Whether a check has passed, shared by the copies of an executor.
final class CheckPassed: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    var passed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    func pass() {
        lock.lock()
        done = true
        lock.unlock()
    }
}
