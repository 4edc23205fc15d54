import LeadStore

/// The leads and touches of a PostgreSQL database, each read by a
/// `PostgresTableReader` when the store loads it.
public struct PostgresLoad: Sendable {
    /// The server, as messages name it (no password).
    public let description: String
    public let leads: PostgresTableReader
    /// Nil when the default `touches` table does not exist.
    public let touches: PostgresTableReader?

    /// Connects with `conninfo` to read `leads` and, when given, `touches`;
    /// the default `touches` table may be missing (leads only). Every reader
    /// takes the `shared` options and reads timestamps without an offset in `zone`;
    /// `sampleRows` reads only the first rows of each; `verbose` adds the server's detail to its errors.
    public init(
        conninfo: String, leads: PostgresSource = .table("leads"), touches: PostgresSource? = nil,
        shared: FileOptions = FileOptions(), zone: ZoneRules = .utc, sampleRows: Int? = nil, verbose: Bool = false
    ) throws(LoadError) {
        let connection = try PostgresConnection(conninfo, verbose: verbose)
        description = connection.description
        self.leads = try PostgresTableReader(connection: connection, source: leads, shared: shared, zone: zone, sampleRows: sampleRows)
        var touchSource = touches
        if touchSource == nil,
           try connection.value("SELECT to_regclass('touches') IS NOT NULL", name: connection.description) == "t" {
            touchSource = .table("touches")
        }
        self.touches = try touchSource.map { (source) throws(LoadError) in
            try PostgresTableReader(connection: connection, source: source, shared: shared, zone: zone, sampleRows: sampleRows)
        }
    }
}
