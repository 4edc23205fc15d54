import LeadQuery
import LeadStore

/// The words of business hours: `set hours`, `set holidays`, and the forms
/// that count business time.
extension EngineMessages {
    /// How to set hours, as every error about missing hours says it.
    static let hoursExample = "set hours Mon-Fri 09:00-17:00"

    static func noHours(_ what: String) -> String {
        "\(what) counts business hours, and none are set: \(hoursExample) sets them (several ranges: set hours Mon-Thu 08:00-18:00, Fri 08:00-14:00)"
    }
    static func hoursSet(_ hours: String, zone: String) -> String { "business hours are \(hours), in \(zone)" }
    /// Added where the leads have a `timezone` column.
    static let hoursPerLead = " (or in each lead's own timezone, where it has one)"
    static let hoursOff = "no business hours"
    static let hoursNone = "no business hours are set: \(hoursExample) sets them"
    static func hoursExpectedDays(found: String?) -> String {
        "expected days such as Mon-Fri" + (found.map { " before \($0)" } ?? "") + ": \(hoursExample)"
    }
    static func hoursExpectedRange(after days: String) -> String {
        "expected opening hours after \(days), such as 09:00-17:00"
    }
    static func hoursExpectedClosing(_ opening: String) -> String {
        "expected a closing time after \(opening), such as \(opening)-17:00"
    }
    static func hoursExpectedEnd(found: String) -> String {
        "expected a comma and more days, or the end, but found \"\(found)\""
    }
    static func hoursUnknownDay(_ word: String, suggestion: String?) -> String {
        "unknown day \"\(word)\"" + (suggestion.map(NameMatcher.didYouMean) ?? "")
            + " (days are Mon Tue Wed Thu Fri Sat Sun, full names, weekdays, weekend or daily)"
    }
    static let hoursDayGroupRange = "a range of days runs from one day to another, such as Mon-Fri"
    static func hoursBadTime(_ text: String) -> String {
        "\"\(text)\" is not a time of day: write 09:00 or 9 (24-hour clock, 00:00 to 24:00)"
    }
    static func hoursBackwards(_ range: String, empty: Bool) -> String {
        empty ? "\(range) opens and closes at the same time"
              : "\(range) closes before it opens: hours run within one day; past midnight is two ranges, such as Mon 22:00-24:00, Tue 00:00-06:00"
    }

    static func holidaysSet(_ days: [String]) -> String {
        days.isEmpty ? "no holidays" : Quantity.counted(days.count, "holiday", "holidays") + ": " + Self.listed(days)
    }
    static let holidaysUsage = "set holidays takes dates, such as set holidays 2026-12-25, 2026-12-26, or a file of one date a line: set holidays \"holidays.csv\" (off for none)"
    static func holidayNotADay(_ written: String) -> String {
        "a holiday is one day, such as 2026-12-25, not \(written)"
    }
    static func holidaysFile(_ path: String, _ problem: String) -> String { "\(path): \(problem)" }
    static let holidaysFileMissing = "no such file"
    static let holidaysFileFolder = "is a folder, not a file of holidays"
    static let holidaysFileNotRegular = "is not a regular file (a pipe, device or socket), so it is not read"
    static func holidaysFileUnreadable(_ reason: String) -> String { "cannot read the file: " + reason.lowercased() }
    static let holidaysFileNotText = "is not a text file of dates (it has bytes that are not UTF-8 text)"
    static let holidaysFileUTF16 = "the file is UTF-16; save it as UTF-8 (in Excel: Save As, CSV UTF-8)"
    static let holidaysEmptyName = "set holidays \"\" names no file: write dates, such as set holidays 2026-12-25, or a file name"
    static let holidaysFileTooLarge = "too large for a list of holidays (over 1 MB)"
    static func holidaysFileLine(_ path: String, line: Int, _ text: String) -> String {
        "\(path):\(line): \"\(text)\" is not a date: write one date a line, such as 2026-12-25"
    }

    /// Text from a file or a path as a message quotes it: control characters
    /// escaped, cut short with `…` past 40 characters.
    static func excerpt(_ text: String, limit: Int = 40) -> String {
        var shown = ""
        for (index, character) in text.enumerated() {
            if index == limit { return shown + "…" }
            if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control && $0.properties.generalCategory != .format }) {
                shown.append(character)
            } else {
                shown += character.unicodeScalars.map { "\\u{" + String($0.value, radix: 16) + "}" }.joined()
            }
        }
        return shown
    }

    /// Dates written out, the first few and a count of the rest.
    static func listed(_ days: [String]) -> String {
        days.count <= 10 ? days.joined(separator: ", ") : days.prefix(10).joined(separator: ", ") + " and \(days.count - 10) more"
    }
}
