import Foundation
import LeadQuery
import LeadStore

/// A file of holidays, one date a line (`2026-12-25`): blank lines and lines
/// starting with `#` are skipped, as is a first line that is a header
/// (`date,name`); anything after a comma (a holiday's name) is ignored.
enum HolidayFile {
    /// Files past this size are no list of holidays.
    static let largest = 1 << 20

    /// The days the file at `path` lists; an error at `range` names the file
    /// and why it cannot be read, or the line of a bad date.
    static func days(path: String, at range: SourceRange) throws(Diagnostic) -> [Int64] {
        func failure(_ problem: String) -> Diagnostic {
            Diagnostic(.error, EngineMessages.holidaysFile(EngineMessages.excerpt(path, limit: 200), problem), at: range)
        }
        let data = try read(path, failure: failure)
        // With or without a byte-order mark: UTF-16 text of dates has a NUL beside each of its first two characters.
        let first = Array(data.prefix(4)).map { $0 == 0 }
        let nulBesideText = first == [false, true, false, true] || first == [true, false, true, false]
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || nulBesideText { throw failure(EngineMessages.holidaysFileUTF16) }
        if data.contains(0) { throw failure(EngineMessages.holidaysFileNotText) }
        guard let text = String(validating: data, as: UTF8.self) else { throw failure(EngineMessages.holidaysFileNotText) }
        var days: [Int64] = []
        // A line ends at any line break: "\r\n" is one Character, so splitting on "\n" alone would join a Windows file into one line.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (number, line) in lines.enumerated() {
            var field = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            field = field.drop { $0 == "\u{FEFF}" }
            let text = field.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if text.isEmpty || text.hasPrefix("#") { continue }
            if number == 0, !(text.first?.isNumber ?? false) { continue }
            guard let day = Self.day(text) else {
                throw Diagnostic(.error, EngineMessages.holidaysFileLine(EngineMessages.excerpt(path, limit: 200), line: number + 1, EngineMessages.excerpt(String(line), limit: 24)), at: range)
            }
            days.append(day)
        }
        return days
    }

    /// The file's bytes, or why there are none: no such file, a folder, not a
    /// regular file (a pipe or device is never opened, so it cannot hang),
    /// permission denied, too large.
    private static func read(_ path: String, failure: (String) -> Diagnostic) throws(Diagnostic) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw failure(errno == ENOENT ? EngineMessages.holidaysFileMissing : EngineMessages.holidaysFileUnreadable(String(cString: strerror(errno))))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw failure(EngineMessages.holidaysFileFolder)
        default: throw failure(EngineMessages.holidaysFileNotRegular)
        }
        guard info.st_size <= largest else { throw failure(EngineMessages.holidaysFileTooLarge) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw failure(EngineMessages.holidaysFileUnreadable(String(cString: strerror(errno)))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        guard let data = try? handle.read(upToCount: largest + 1) ?? Data() else {
            throw failure(EngineMessages.holidaysFileUnreadable(String(cString: strerror(errno))))
        }
        guard data.count <= largest else { throw failure(EngineMessages.holidaysFileTooLarge) }
        return data
    }

    /// Dates written in one string, `"2026-12-25, 2026-12-26"`: what a quoted
    /// list of dates means when no file has that name.
    static func writtenDays(_ text: String) -> [Int64]? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty else { return nil }
        var days: [Int64] = []
        for part in parts {
            guard let day = day(part) else { return nil }
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
