import Foundation

/// Finding a zone by name: `UTC`, a fixed offset (`+05:30`, `-04`), or an
/// IANA name read from the system's tz database (`/usr/share/zoneinfo`, or
/// `$TZDIR`), matched without regard to case.
extension ZoneRules {
    /// Why a name names no zone, with the nearest names the database has.
    public struct UnknownZone: Error, Sendable {
        public var name: String
        public var suggestions: [String]
        /// True when the tz database itself is missing.
        public var noDatabase = false

        public var message: String {
            if noDatabase { return ZoneMessages.noDatabase(name, folder: ZoneRules.folder) }
            return ZoneMessages.unknown(name, suggestions: suggestions)
        }
    }

    /// The folder the tz database is read from.
    public static var folder: String { ProcessInfo.processInfo.environment["TZDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/share/zoneinfo" }

    /// The zone `name` names.
    public static func named(_ name: String) throws(UnknownZone) -> ZoneRules {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let zone = direct(trimmed) { return zone }
        let directory = ZoneDirectory()
        if let zone = directory.caseless(trimmed) { return zone }
        throw directory.unknown(trimmed)
    }

    /// The zone a trimmed name names without consulting the list of names:
    /// UTC, a fixed offset, or a database file of exactly that name.
    static func direct(_ trimmed: String) -> ZoneRules? {
        if ["utc", "z", "gmt", "etc/utc", "zulu", "universal"].contains(trimmed.lowercased()) { return .utc }
        if let seconds = fixedOffset(trimmed) { return .fixed(seconds: seconds) }
        // `localtime` is the machine's zone under a name that says nothing: not an IANA name.
        guard !trimmed.isEmpty, trimmed.utf8.count <= longestName, !trimmed.hasPrefix("/"), trimmed.lowercased() != "localtime",
              !trimmed.split(separator: "/").contains("..") else { return nil }
        return read(trimmed)
    }

    /// No zone name is longer (the longest, `America/Argentina/ComodRivadavia`, has 32).
    static let longestName = 64

    /// `+05:30`, `-0400`, `+5`, `UTC+02:00` in seconds east of UTC.
    static func fixedOffset(_ text: String) -> Int? {
        var rest = Substring(text)
        for prefix in ["UTC", "GMT", "utc", "gmt"] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let digits = rest.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              !rest.dropFirst().hasPrefix(":") else { return nil }
        let hours = digits.count <= 2 ? Int(digits)! : Int(digits.dropLast(2))!
        let minutes = digits.count <= 2 ? 0 : Int(digits.suffix(2))!
        // Offsets in use run from -12:00 to +14:00, in quarter hours.
        guard hours * 60 + minutes <= (sign == "-" ? 12 : 14) * 60, minutes % 15 == 0 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    static func read(_ name: String) -> ZoneRules? {
        let path = (folder as NSString).appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return tzif([UInt8](data), name: name)
    }

    /// Every zone name in the database (`Area/City`, and the few single names such as `UTC`).
    static func allNames() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var names: [String] = []
        while let path = walker.nextObject() as? String {
            if path.hasPrefix("posix") || path.hasPrefix("right") || path.contains(".") { walker.skipDescendants(); continue }
            guard let first = path.first, first.isUppercase, !path.hasSuffix("localtime") else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(path), isDirectory: &isFolder), !isFolder.boolValue {
                names.append(path)
            }
        }
        return names.sorted()
    }

    /// Up to three names closest to `name`: those sharing its last part first,
    /// then by edit distance. A name longer than any zone name gets none, and
    /// a candidate whose length alone puts it too far is not measured.
    static func nearest(_ name: String, in names: [String]) -> [String] {
        guard name.utf8.count <= longestName else { return [] }
        let wanted = Array(name.lowercased())
        let city = Array(wanted.split(separator: "/").last ?? wanted[...])
        let limit = city.count <= 3 ? 1 : max(2, city.count / 3)
        var scored: [(String, Int)] = []
        for candidate in names {
            let lower = Array(candidate.lowercased())
            let last = Array(lower.split(separator: "/").last ?? lower[...])
            guard min(abs(wanted.count - lower.count), abs(city.count - last.count)) <= limit else { continue }
            let score = min(editDistance(wanted, lower), editDistance(city, last))
            if score <= limit { scored.append((candidate, score)) }
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }
}
