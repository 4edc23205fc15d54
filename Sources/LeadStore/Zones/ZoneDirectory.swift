import Foundation

/// The tz database's names, read once for many lookups in a row (a load's
/// `timezone` column, one `set tz`): each lookup is then a file read or a
/// hash probe, and the nearest-name search runs only for a name a message
/// shows.
struct ZoneDirectory {
    /// Every zone name, sorted.
    let names: [String]
    private let byLowercase: [String: String]

    init() {
        names = ZoneRules.allNames()
        byLowercase = Dictionary(names.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The zone `name` names written in another case (`europe/berlin`), if any.
    func caseless(_ name: String) -> ZoneRules? {
        guard let match = byLowercase[name.lowercased()] else { return nil }
        return ZoneRules.read(match)
    }

    /// Why `name` names no zone, with the nearest names when there are any.
    func unknown(_ name: String) -> ZoneRules.UnknownZone {
        if names.isEmpty, !FileManager.default.fileExists(atPath: ZoneRules.folder) {
            return ZoneRules.UnknownZone(name: name, suggestions: [], noDatabase: true)
        }
        return ZoneRules.UnknownZone(name: name, suggestions: ZoneRules.nearest(name, in: names))
    }
}
