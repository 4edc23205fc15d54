import Foundation
import LeadEngine

/// The distinct values of text fields an engine has been asked for, kept
/// for the session: completion and the unknown-value warning ask for the
/// same field again and again.
final class EngineValues: @unchecked Sendable {
    private var known: [String: [String]?] = [:]
    private let lock = NSLock()

    /// The values of `field`, asking `fetch` (with one more than `limit`) the first time; nil for too many or none known.
    func values(of field: String, grain: Grain, limit: Int, fetch: (Int) -> [String]?) -> [String]? {
        let key = "\(grain.rawValue).\(field).\(limit)"
        lock.lock()
        if let cached = known[key] { lock.unlock(); return cached }
        lock.unlock()
        var found = fetch(limit + 1)
        if let values = found, values.count > limit { found = nil }
        lock.lock()
        known[key] = found
        lock.unlock()
        return found
    }

    /// The SQL that lists a column's values (`column` quoted in the engine's dialect, of `table`), at most `limit`.
    static func query(_ column: String, table: String, limit: Int) -> String {
        return "SELECT DISTINCT \(column) FROM \(table) WHERE \(column) IS NOT NULL LIMIT \(limit)"
    }

    /// The SQL that counts both tables.
    static let counts = "SELECT (SELECT count(*) FROM leads) AS leads, (SELECT count(*) FROM touches) AS touches"

    /// The counts in an answer's first row after its header.
    static func counts(_ rows: [[String?]]) -> (leads: Int, touches: Int)? {
        guard rows.count > 1, rows[1].count == 2, let leads = rows[1][0].flatMap({ Int($0) }), let touches = rows[1][1].flatMap({ Int($0) })
        else { return nil }
        return (leads, touches)
    }
}
