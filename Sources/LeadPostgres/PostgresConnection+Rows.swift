import CLibPQ
import Foundation
import LeadStore

extension PostgresConnection {
    /// The type of a boolean column in a result.
    private static let booleanType: Oid = 16

    /// The rows a query returns in text form, its column names first; a null
    /// is nil and a boolean reads `true` or `false`, as other engines write them.
    package func rows(_ sql: String, name: String) throws(LoadError) -> [[String?]] {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        return try rows(of: result, name: name)
    }

    /// The rows of a query the server is asked to stop (PQcancel) when
    /// `isCancelled` answers true while it runs; that throws `PostgresConnection.Cancelled`.
    package func rows(_ sql: String, name: String, isCancelled: (@Sendable () -> Bool)?) throws -> [[String?]] {
        guard let isCancelled else { return try rows(sql, name: name) }
        guard PQsendQuery(connection, sql) == 1 else { throw LoadError(file: name, message: Self.firstLine(PQerrorMessage(connection))) }
        var cancelled = false
        while PQisBusy(connection) == 1 {
            if !cancelled, isCancelled() {
                cancelled = true
                cancelQuery()
            }
            var wanted = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
            if poll(&wanted, 1, 100) > 0, PQconsumeInput(connection) == 0 { break }
        }
        var answer: [[String?]]?
        var failure: Error?
        while let result = PQgetResult(connection) {
            if answer == nil, failure == nil {
                do { answer = try rows(of: result, name: name) } catch { failure = error }
            }
            PQclear(result)
        }
        if cancelled { throw Cancelled() }
        if let failure { throw failure }
        guard let answer else { throw LoadError(file: name, message: Self.firstLine(PQerrorMessage(connection))) }
        return answer
    }

    /// A statement stopped by `isCancelled`.
    package struct Cancelled: Error {}

    /// Asks the server to stop the statement under way.
    func cancelQuery() {
        guard let cancel = PQgetCancel(connection) else { return }
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &message, Int32(message.count))
        PQfreeCancel(cancel)
    }

    /// The type (its oid) of each column a query returns, by name; the query is asked for no rows.
    package func columnTypes(of select: String, name: String) throws(LoadError) -> [String: UInt32] {
        let result = PQexec(connection, "SELECT * FROM (\(select)) AS source LIMIT 0")
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_TUPLES_OK else { throw error(result, name: name) }
        var types: [String: UInt32] = [:]
        for column in 0..<PQnfields(result) { types[String(cString: PQfname(result, column))] = UInt32(PQftype(result, column)) }
        return types
    }

    private func rows(of result: OpaquePointer?, name: String) throws(LoadError) -> [[String?]] {
        guard PQresultStatus(result) == PGRES_TUPLES_OK else { throw error(result, name: name) }
        let columns = PQnfields(result), count = PQntuples(result)
        var rows: [[String?]] = [(0..<columns).map { String(cString: PQfname(result, $0)) }]
        rows.reserveCapacity(Int(count) + 1)
        let boolean = (0..<columns).map { PQftype(result, $0) == Self.booleanType }
        for row in 0..<count {
            var values: [String?] = []
            values.reserveCapacity(Int(columns))
            for column in 0..<columns {
                if PQgetisnull(result, row, column) != 0 { values.append(nil); continue }
                let text = String(cString: PQgetvalue(result, row, column))
                values.append(boolean[Int(column)] ? (text == "t" ? "true" : "false") : text)
            }
            rows.append(values)
        }
        return rows
    }
}
