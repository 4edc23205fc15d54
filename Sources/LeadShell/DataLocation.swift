import Foundation
import LeadEngine
import LeadStore

/// Where the data comes from: the built-in demo, a folder holding
/// `leads.csv` and `touches.csv`, or named files.
public enum DataLocation: Sendable, Equatable {
    case demo
    case folder(String)
    /// `touchMappings[i]`, when given, are the `--map` options written after the i-th `--touches`;
    /// `dateFormat` is the `--date-format` of every file, `touchDateFormats[i]` one written after the i-th `--touches`.
    case files(leads: String, touches: [String], touchMappings: [[FieldMapping]] = [], dateFormat: String? = nil,
               touchDateFormats: [String?] = [])

    /// Loads the data into a new session; times written without an offset are read in `zone`.
    public func open(mappings: [FieldMapping], zone: ZoneRules = .utc, progress: LoadProgress? = nil) throws(LoadError) -> Session {
        switch self {
        case .demo:
            return try Session.demo()
        case .folder(let path):
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw LoadError(file: path, message: "no such folder")
            }
            guard isFolder.boolValue else {
                throw LoadError(file: path, message: "is a file; give a folder holding leads.csv and touches.csv, or use --leads and --touches")
            }
            let leads = (path as NSString).appendingPathComponent("leads.csv")
            let touches = (path as NSString).appendingPathComponent("touches.csv")
            let touchFiles = FileManager.default.fileExists(atPath: touches) ? [touches] : []
            return try Self.files(leads: leads, touches: touchFiles).open(mappings: mappings, zone: zone, progress: progress)
        case .files(let leads, let touches, let touchMappings, let dateFormat, let touchDateFormats):
            let (leadMaps, touchMaps) = Self.split(mappings)
            var leadSource = DataSource(path: leads, mappings: leadMaps, dateFormat: dateFormat)
            leadSource.zone = zone
            let store = try LeadStore(
                leads: leadSource,
                touches: touches.indices.map { index in
                    let own = index < touchMappings.count ? touchMappings[index] : []
                    let format = index < touchDateFormats.count ? touchDateFormats[index] ?? dateFormat : dateFormat
                    var source = DataSource(path: touches[index], mappings: touchMaps + own, dateFormat: format)
                    source.zone = zone
                    return source
                },
                progress: progress)
            let names = ([leads] + touches).joined(separator: ", ")
            return Session(store: store, description: names)
        }
    }

    /// `--map` options apply to the table whose field they name: lead fields
    /// to the leads file, touch fields to the touch files, others to both.
    static func split(_ mappings: [FieldMapping]) -> (leads: [FieldMapping], touches: [FieldMapping]) {
        let touchOnly: Set<String> = ["at", "touch_id", "channel", "rep", "direction", "outcome"]
        let leadOnly: Set<String> = ["created_at", "segment", "source", "owner", "region", "qualified_at", "converted_at"]
        return (mappings.filter { !touchOnly.contains($0.target) }, mappings.filter { !leadOnly.contains($0.target) })
    }
}

