/// The texts of PostgreSQL load errors.
enum PostgresMessages {
    static let outOfMemory = "ran out of memory while copying the rows out"
    static let stopped = "the load was stopped"
    static let noRows = "the copy sent no header row"
    static let emptyQuery = "the query is empty"

    /// The fields of a server error that `--verbose` adds, as psql labels them.
    static let verboseFields: [(field: Unicode.Scalar, label: String)] = [("D", "DETAIL"), ("H", "HINT"), ("W", "CONTEXT")]

    static func notCopied(_ status: String) -> String {
        "the server did not start the copy (\(status))"
    }

    static func connectionFailed(_ reason: String) -> String {
        "cannot connect: \(reason)"
    }

    static func libraryMissing(_ reason: String) -> String {
        "cannot be opened (\(reason)); PostgreSQL needs its client library: install libpq5 (Debian, Ubuntu) or libpq (Fedora, Homebrew)"
    }
}
