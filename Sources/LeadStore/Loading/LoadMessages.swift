import Foundation

/// The limits on what a data file may hold, and the texts that say a file
/// broke one or cannot be read as it is.
enum LoadMessages {
    /// The longest row (one line, or several when a quoted field holds line
    /// breaks) leadq reads: longer ones are not CSV data.
    static let rowBytes = 1 << 30

    /// The most a pipe or terminal may send: it is held in memory whole, so
    /// at most half of the machine's memory.
    static var streamBytes: Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return Int.max }
        return pages * size / 2
    }

    /// A column left in its file, when the file is not what was loaded any more.
    static func deferredChanged(_ name: String) -> String {
        "the file changed after it was loaded, so its column \(name) (read from the file when first used) cannot be read; load the data again (.open) to use it"
    }

    /// A column left in its file, when the file cannot be read again.
    static func deferredUnreadable(_ name: String, reason: String) -> String {
        "its column \(name) (read from the file when first used) cannot be read: \(reason); load the data again (.open) to use it"
    }

    static let emptyFile = "the file is empty: it needs a header row naming its columns"
    static let device = "is a device, not a CSV file (leadq reads files, pipes such as /dev/stdin, and terminals)"

    static let changedWhileRead
        = "changed while it was read (something wrote to it, truncated or replaced it); load it again once nothing is writing it"

    static let rowTooLong = "this row is longer than 1 GiB, the most leadq reads in one row; is this a CSV file?"

    static let lineTooLong = "this line is longer than 1 GiB, the most leadq reads in one line; is this a CSV file?"

    static func streamTooLong(limit: Int) -> String {
        let gib = String(format: "%.1f", Double(limit) / Double(1 << 30))
        return "sent more than \(gib) GiB (half this machine's memory) without ending; leadq keeps piped data in memory, so save it to a file and load that"
    }
}
