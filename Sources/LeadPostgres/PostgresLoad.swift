import LeadStore

/// Leads and touches copied out of a PostgreSQL database, ready for the
/// store's CSV reader, which maps their columns as it maps a file's headers.
public struct PostgresLoad: Sendable {
    /// The server, as messages name it (no password).
    public let description: String
    public let leads: FileBytes
    /// Nil when the default `touches` table does not exist.
    public let touches: FileBytes?

    /// Connects with `conninfo` and copies out `leads` and, when given,
    /// `touches`; the default `touches` table may be missing (leads only).
    public init(
        conninfo: String, leads: PostgresSource = .table("leads"), touches: PostgresSource? = nil,
        progress: LoadProgress? = nil
    ) throws(LoadError) {
        let connection = try PostgresConnection(conninfo)
        description = connection.description
        let leadsName = "\(connection.description) \(leads.label)"
        guard !leads.select.isEmpty else { throw LoadError(file: leadsName, message: PostgresMessages.emptyQuery) }
        self.leads = try connection.copyCSV(leads.select, name: leadsName, progress: progress)
        var touchSource = touches
        if touchSource == nil,
           try connection.value("SELECT to_regclass('touches') IS NOT NULL", name: connection.description) == "t" {
            touchSource = .table("touches")
        }
        if let touchSource {
            let touchesName = "\(connection.description) \(touchSource.label)"
            guard !touchSource.select.isEmpty else { throw LoadError(file: touchesName, message: PostgresMessages.emptyQuery) }
            self.touches = try connection.copyCSV(touchSource.select, name: touchesName, progress: progress)
        } else {
            self.touches = nil
        }
    }
}
