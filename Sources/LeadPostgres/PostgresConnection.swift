import CLibPQ
import Foundation
import LeadStore

/// One connection to a PostgreSQL server through libpq.
///
/// The connection string is anything libpq takes (`postgresql://…` URIs or
/// `key=value` pairs); what it leaves out comes from the `PG*` variables and
/// `~/.pgpass`, as in psql. Messages name the server by `description`, which
/// never holds the password. A server error is its one-line message; with
/// `verbose` (`--verbose`) its detail, hint and context follow on lines of their own.
/// A load reads its tables one after another from one thread, and an
/// engine runs one statement at a time: the connection is never used by two at once.
package final class PostgresConnection: @unchecked Sendable {
    let connection: OpaquePointer
    /// `postgresql://USER@HOST:PORT/DB`, without the password.
    package let description: String
    let verbose: Bool

    package init(_ conninfo: String, verbose: Bool = false) throws(LoadError) {
        guard leadq_libpq_load() != 0 else {
            throw LoadError(file: "libpq", message: PostgresMessages.libraryMissing(String(cString: leadq_libpq_failure())))
        }
        connection = PQconnectdb(conninfo)
        description = Self.describe(connection)
        self.verbose = verbose
        guard PQstatus(connection) == CONNECTION_OK else {
            // deinit closes the connection: every property is set, so it runs on this throw too.
            let said = verbose ? Self.allLines(PQerrorMessage(connection)) : Self.firstLine(PQerrorMessage(connection))
            let reason = Self.masking(said, passwordsIn: conninfo)
            throw LoadError(file: description, message: PostgresMessages.connectionFailed(reason))
        }
        _ = PQsetClientEncoding(connection, "UTF8")
        // Values come out in the forms the CSV reader reads, whatever the server's defaults.
        try run("SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'iso_8601'; SET extra_float_digits = 1",
                name: description)
    }

    deinit { PQfinish(connection) }

    /// Runs statements that return no rows.
    package func run(_ sql: String, name: String) throws(LoadError) {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw error(result, name: name) }
    }

    /// The first value of the first row a query returns, nil for no rows or a null.
    package func value(_ sql: String, name: String) throws(LoadError) -> String? {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_TUPLES_OK else { throw error(result, name: name) }
        guard PQntuples(result) > 0, PQgetisnull(result, 0, 0) == 0 else { return nil }
        return String(cString: PQgetvalue(result, 0, 0))
    }

    /// The names of the columns `select` returns, without running it; nil when the server cannot say.
    func columnNames(_ select: String) -> [String]? {
        let prepared = PQprepare(connection, "", select, 0, nil)
        defer { PQclear(prepared) }
        guard PQresultStatus(prepared) == PGRES_COMMAND_OK else { return nil }
        let described = PQdescribePrepared(connection, "")
        defer { PQclear(described) }
        guard PQresultStatus(described) == PGRES_COMMAND_OK else { return nil }
        return (0..<PQnfields(described)).map { String(cString: PQfname(described, $0)) }
    }

    /// Asks the server to stop the statement under way.
    func cancel() {
        guard let cancel = PQgetCancel(connection) else { return }
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &message, Int32(message.count))
        PQfreeCancel(cancel)
    }

    /// The server's one-line message for a failed result (`relation "leads" does not exist`),
    /// and with `verbose` its detail, hint and context.
    func error(_ result: OpaquePointer?, name: String) -> LoadError {
        if let result, let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))) {
            var message = String(cString: primary)
            if verbose {
                for (field, label) in PostgresMessages.verboseFields {
                    guard let text = PQresultErrorField(result, Int32(UInt8(ascii: field))) else { continue }
                    message += "\n\(label): " + String(cString: text)
                }
            }
            return LoadError(file: name, message: message)
        }
        let said = verbose ? Self.allLines(PQerrorMessage(connection)) : Self.firstLine(PQerrorMessage(connection))
        return LoadError(file: name, message: said)
    }

    /// Every line of a libpq message, each trimmed, blank ones left out.
    static func allLines(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        let lines = String(cString: text).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The first line of a libpq message, trimmed.
    static func firstLine(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        let line = String(cString: text).split(separator: "\n").first.map(String.init) ?? ""
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// The URI of the server the connection reached or tried, without the password.
    private static func describe(_ connection: OpaquePointer?) -> String {
        func field(_ value: UnsafeMutablePointer<CChar>?) -> String {
            value.map { String(cString: $0) } ?? ""
        }
        let host = field(PQhost(connection)), port = field(PQport(connection))
        let user = field(PQuser(connection)), database = field(PQdb(connection))
        let allowed = CharacterSet.urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/?#"))
        let encodedUser = user.addingPercentEncoding(withAllowedCharacters: allowed) ?? user
        let encodedDatabase = database.addingPercentEncoding(withAllowedCharacters: allowed) ?? database
        var text = "postgresql://" + (user.isEmpty ? "" : encodedUser + "@")
        if host.isEmpty && database.isEmpty { return "--db" }
        if host.hasPrefix("/") || host.isEmpty {
            text += "/\(encodedDatabase)"
            var query: [String] = []
            if !host.isEmpty { query.append("host=\(host)") }
            if !port.isEmpty && port != "5432" { query.append("port=\(port)") }
            if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        } else {
            text += host.contains(":") ? "[\(host)]" : host
            if !port.isEmpty && port != "5432" { text += ":\(port)" }
            text += "/\(encodedDatabase)"
        }
        return text
    }
}
