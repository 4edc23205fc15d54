import LeadEngine
import LeadPostgres
import LeadStore

extension DataLocation {
    /// Reads the tables of the database as CSV files are read: the same
    /// header aliases, `--map` options and load summary.
    static func database(
        conninfo: String, leads: PostgresSource, touches: PostgresSource?, shared: FileOptions, zone: ZoneRules,
        progress: LoadProgress?, sampleRows: Int? = nil, verbose: Bool = false
    ) throws(LoadError) -> Session {
        let load = try PostgresLoad(
            conninfo: conninfo, leads: leads, touches: touches, shared: shared, zone: zone, sampleRows: sampleRows, verbose: verbose)
        let store = try LeadStore(DataSet(leads: load.leads, touches: load.touches.map { [$0] } ?? []), progress: progress)
        return Session(store: store, description: load.description)
    }
}
