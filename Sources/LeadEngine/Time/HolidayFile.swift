import Foundation
import LeadQuery
import LeadStore

/// A file of holidays, one date a line (`2026-12-25`): blank lines and lines
/// starting with `#` are skipped, as is a first line that is a header
/// (`date,name`); anything after a comma (a holiday's name) is ignored.
enum HolidayFile {
    /// Files past this size are no list of holidays.
    static let largest = 1 << 20

    /// The days the file at `path` lists; an error at `range` names the file and line of a bad one.
    static func days(path: String, at range: SourceRange) throws(Diagnostic) -> [Int64] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular,
              let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic(.error, EngineMessages.holidaysFile(path, EngineMessages.holidaysFileMissing), at: range)
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: largest + 1)) ?? Data()
        guard data.count <= largest else {
            throw Diagnostic(.error, EngineMessages.holidaysFile(path, EngineMessages.holidaysFileTooLarge), at: range)
        }
        var days: [Int64] = []
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            var field = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            field = field.drop { $0 == "\u{FEFF}" }
            let text = field.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if text.isEmpty || text.hasPrefix("#") { continue }
            if number == 0, !(text.first?.isNumber ?? false) { continue }
            guard let day = Self.day(text) else {
                throw Diagnostic(.error, EngineMessages.holidaysFileLine(path, line: number + 1, String(line.prefix(80))), at: range)
            }
            days.append(day)
        }
        return days
    }

    /// `YYYY-MM-DD`, a real day, in days since 1970-01-01.
    static func day(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        // 2026-02-30 comes back as another day.
        guard CivilDate.date(daysSinceEpoch: days) == (year, month, day) else { return nil }
        return Int64(days)
    }
}
