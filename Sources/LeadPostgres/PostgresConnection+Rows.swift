import CLibPQ
import LeadStore

extension PostgresConnection {
    /// The type of a boolean column in a result.
    private static let booleanType: Oid = 16

    /// The rows a query returns in text form, its column names first; a null
    /// is nil and a boolean reads `true` or `false`, as other engines write them.
    package func rows(_ sql: String, name: String) throws(LoadError) -> [[String?]] {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
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
