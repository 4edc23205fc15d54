import LeadEngine
import LeadPostgres
import LeadStore

extension DataLocation {
    /// Copies the tables out of the database and reads them as CSV files are
    /// read: the same header aliases, `--map` options and load summary.
    static func database(
        conninfo: String, leads: PostgresSource, touches: PostgresSource?, shared: FileOptions, zone: ZoneRules,
        progress: LoadProgress?
    ) throws(LoadError) -> Session {
        let load = try PostgresLoad(conninfo: conninfo, leads: leads, touches: touches, progress: progress)
        func source(_ file: FileBytes) -> DataSource {
            var source = DataSource(file: file, shared: shared)
            source.zone = zone
            return source
        }
        let store = try LeadStore(DataSet(leads: source(load.leads), touches: load.touches.map { [source($0)] } ?? []), progress: progress)
        return Session(store: store, description: load.description)
    }
}
