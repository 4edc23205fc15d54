import LeadStore

/// Reads one table or query of a PostgreSQL database: its rows are copied
/// out as CSV text and read as a file's are, while they come (the same header aliases,
/// `--map` options and types), but named as the database names them:
/// `… table touches row 1234, column "at"`, counting rows in the order the
/// copy sent them.
public struct PostgresTableReader: TableReader {
    private let connection: PostgresConnection
    private let source: PostgresSource
    /// The server and the table, as messages name them (no password).
    public let name: String
    public let shared: FileOptions
    /// The zone timestamps without an offset are read in.
    private let zone: ZoneRules
    /// Only the first rows, to learn the fields and types.
    private let sampleRows: Int?

    init(connection: PostgresConnection, source: PostgresSource, shared: FileOptions, zone: ZoneRules, sampleRows: Int? = nil) throws(LoadError) {
        self.connection = connection
        self.sampleRows = sampleRows
        self.source = source
        self.shared = shared
        self.zone = zone
        name = "\(connection.description) \(source.label)"
        guard !source.select.isEmpty else { throw LoadError(file: name, message: PostgresMessages.emptyQuery) }
    }

    public func read(_ request: TableRequest) throws(LoadError) -> TableRead {
        let select = sampleRows.map { "SELECT * FROM (\(source.select)) AS source LIMIT \($0)" } ?? source.select
        let (name, shared, zone) = (self.name, self.shared, self.zone)
        let copied = try connection.copyCSV(select, name: name, progress: request.progress) { (header) throws(LoadError) in
            try CSVStream.starting(header: header, name: name, request: request, shared: shared, zone: zone)
        }
        if let failure = copied.failure { throw placed(failure, in: copied) }
        guard let stream = copied.stream else { throw LoadError(file: name, message: PostgresMessages.noRows) }
        do throws(LoadError) {
            var read = try stream.finish(bytes: copied.bytes)
            read.places = TableRead.numberedRows
            return read
        } catch {
            throw placed(error, in: copied)
        }
    }

    /// `error`, which names a line and field of the copied text, naming the row and column instead.
    private func placed(_ error: LoadError, in copied: CopiedRows) -> LoadError {
        guard case .line(let line, let field) = error.place else { return error }
        let row = copied.row(atLine: line)
        // Row 0 is the header: the trouble is with the columns, not a row.
        guard row > 0 else { return LoadError(file: error.file, place: nil, message: error.message) }
        let column = field.flatMap { field in connection.columnNames(source.select).flatMap { $0.indices.contains(field - 1) ? $0[field - 1] : nil } }
        return LoadError(file: error.file, place: .row(row, column: column), message: error.message)
    }
}
