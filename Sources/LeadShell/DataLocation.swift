import Foundation
import LeadEngine
import LeadPostgres
import LeadStore

/// Where the data comes from: the built-in demo, a folder holding
/// `leads.csv` and `touches.csv`, or named files with their own options.
public enum DataLocation: Sendable, Equatable {
    case demo
    case folder(String)
    case files([DataFile], statuses: StatusWords = StatusWords())
    /// A PostgreSQL database (`--db`): `touches` nil reads the `touches` table when there is one.
    case database(conninfo: String, leads: PostgresSource, touches: PostgresSource?)
    /// Tables the Spark session knows (`--engine spark --leads-table T`): read only by Spark.
    case sparkTables(leads: String, touches: String?)

    /// The location the data options of a command line name, with `folder`
    /// the folder argument when one was given; nil for none at all.
    public static func named(folder: String?, data: DataArguments) throws(DataArgumentError) -> DataLocation? {
        let count = { (role: TableRole) in data.files.filter { $0.role == role }.count }
        if folder != nil && !data.files.isEmpty { throw DataArgumentError(DataMessages.folderAndFiles) }
        if count(.leads) > 1 { throw DataArgumentError(DataMessages.twoLeads) }
        if count(.events) > 1 { throw DataArgumentError(DataMessages.twoLogs) }
        if count(.leads) + count(.events) > 1 { throw DataArgumentError(DataMessages.leadsAndEvents) }
        if count(.events) == 0 && data.statuses != StatusWords() { throw DataArgumentError(DataMessages.statusesNeedEvents) }
        if count(.leads) + count(.events) == 0, let first = data.files.first {
            throw DataArgumentError(DataMessages.needsLeads("--" + first.role.rawValue))
        }
        if let file = data.files.first(where: { $0.role != .touches && !($0.options.inbound.isEmpty && $0.options.outbound.isEmpty) }) {
            throw DataArgumentError(DataMessages.directionsOnTouchesOnly("--" + file.role.rawValue))
        }
        if let folder { return .folder(folder) }
        if data.files.isEmpty {
            if !data.shared.isEmpty { throw DataArgumentError(DataMessages.sharedWithoutFiles) }
            return nil
        }
        return .files(data.files, statuses: data.statuses)
    }

    /// Loads the data into a new session; `shared` options apply to every
    /// file that has the header they name; times written without an offset are read in `zone`.
    /// `schemaOnly` (an engine answers) reads only the start of each table, for its fields and
    /// types, and keeps no rows. `verbose`: a database's errors in full.
    public func open(shared: FileOptions = FileOptions(), zone: ZoneRules = .utc, progress: LoadProgress? = nil,
                     schemaOnly: Bool = false, verbose: Bool = false) throws(LoadError) -> Session {
        guard !schemaOnly else { return try Self.schema(of: self, shared: shared, zone: zone, verbose: verbose) }
        switch self {
        case .demo:
            return try Session.demo()
        case .folder(let path):
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw LoadError(file: path, message: DataMessages.noSuchFolder)
            }
            guard isFolder.boolValue else { throw LoadError(file: path, message: DataMessages.folderIsFile) }
            let leads = (path as NSString).appendingPathComponent("leads.csv")
            let touches = (path as NSString).appendingPathComponent("touches.csv")
            let files = [DataFile(role: .leads, path: leads)]
                + (FileManager.default.fileExists(atPath: touches) ? [DataFile(role: .touches, path: touches)] : [])
            return try DataLocation.files(files).open(shared: shared, zone: zone, progress: progress)
        case .files(let files, let statuses):
            func sources(_ role: TableRole) -> [DataSource] {
                files.filter { $0.role == role }.map {
                    var source = DataSource(path: $0.path, options: $0.options, shared: shared)
                    source.zone = zone
                    return source
                }
            }
            let set = DataSet(
                leads: sources(.leads).first, events: sources(.events).first, statuses: statuses,
                touches: sources(.touches), conversions: sources(.conversions))
            let store = try LeadStore(set, progress: progress)
            return Session(store: store, description: files.map(\.path).joined(separator: ", "))
        case .database(let conninfo, let leads, let touches):
            return try Self.database(
                conninfo: conninfo, leads: leads, touches: touches, shared: shared, zone: zone, progress: progress, verbose: verbose)
        case .sparkTables(let leads, _):
            throw LoadError(file: leads, message: DataMessages.sparkTablesNeedSpark)
        }
    }
}
