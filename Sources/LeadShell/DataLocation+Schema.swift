import Foundation
import LeadEngine
import LeadPostgres
import LeadStore

extension DataLocation {
    /// How many rows of each table are read to learn its fields' types when an engine holds the data.
    static let sampleRows = 1000

    /// A session whose store has the location's fields and types but no
    /// rows: each file's header and first rows, or the first rows of each
    /// database table, read as a load reads them.
    static func schema(of location: DataLocation, shared: FileOptions, zone: ZoneRules, verbose: Bool = false) throws(LoadError) -> Session {
        let session: Session
        switch location {
        case .demo:
            session = try Session.demo()
        case .folder, .files:
            // A cut that splits a quoted field reads wrongly: then the whole files are read.
            if let sample = location.sampled(shared: shared, zone: zone), let store = try? LeadStore(sample.set) {
                session = Session(store: store, description: sample.description)
            } else {
                session = try location.open(shared: shared, zone: zone)
            }
        case .database(let conninfo, let leads, let touches):
            session = try database(conninfo: conninfo, leads: leads, touches: touches, shared: shared, zone: zone, progress: nil, sampleRows: sampleRows,
                               verbose: verbose)
        case .sparkTables(let leads, let touches):
            // Spark learns the fields when the engine is attached; until then, only a lead's two required fields.
            let header = FileBytes(name: leads, bytes: Array("lead_id,created_at\n".utf8))
            session = Session(store: try LeadStore(DataSet(leads: DataSource(file: header))), description: location.sparkTablesDescription(leads, touches))
        }
        return Session(store: session.store.withoutRows(), description: session.dataDescription)
    }

    /// The files' sources, each cut after its header and first rows; nil when a file cannot be cut so.
    private func sampled(shared: FileOptions, zone: ZoneRules) -> (set: DataSet, description: String)? {
        var files: [DataFile]
        var statuses = StatusWords()
        switch self {
        case .folder(let path):
            let touches = (path as NSString).appendingPathComponent("touches.csv")
            files = [DataFile(role: .leads, path: (path as NSString).appendingPathComponent("leads.csv"))]
                + (FileManager.default.fileExists(atPath: touches) ? [DataFile(role: .touches, path: touches)] : [])
        case .files(let named, let words):
            files = named
            statuses = words
        default:
            return nil
        }
        var sources: [(TableRole, DataSource)] = []
        for file in files {
            guard let bytes = Self.head(file.path) else { return nil }
            var source = DataSource(file: FileBytes(name: file.path, bytes: bytes), options: file.options, shared: shared)
            source.zone = zone
            sources.append((file.role, source))
        }
        func of(_ role: TableRole) -> [DataSource] { sources.filter { $0.0 == role }.map(\.1) }
        let set = DataSet(leads: of(.leads).first, events: of(.events).first, statuses: statuses, touches: of(.touches), conversions: of(.conversions))
        return (set, files.map(\.path).joined(separator: ", "))
    }

    /// A file's header and first rows as a source read under the file's name (the whole file when it cannot be cut).
    static func sample(_ path: String, options: FileOptions) -> DataSource {
        guard let bytes = head(path) else { return DataSource(path: path, options: options) }
        return DataSource(file: FileBytes(name: path, bytes: bytes), options: options)
    }

    /// A file's header and first rows, up to a megabyte, ending at a line break; nil when it cannot be read.
    private static func head(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 1 << 20) else { return nil }
        var bytes = [UInt8](data)
        guard data.count == 1 << 20 else { return bytes }
        var lines = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines += 1
            if lines > sampleRows { bytes.removeSubrange((index + 1)...); return bytes }
        }
        guard let last = bytes.lastIndex(of: UInt8(ascii: "\n")) else { return nil }
        bytes.removeSubrange((last + 1)...)
        return bytes
    }
}

extension DataLocation {
    /// What the banner says the data is, for tables Spark reads.
    func sparkTablesDescription(_ leads: String, _ touches: String?) -> String {
        "Spark tables " + ([leads] + (touches.map { [$0] } ?? [])).joined(separator: ", ")
    }
}
