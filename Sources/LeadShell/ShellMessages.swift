import LeadStore

/// The words of the shell's own messages, in one place.
enum Messages {
    static func wrote(_ rows: Int, to path: String) -> String {
        "wrote \(LoadSummary.counted(rows, "row", "rows")) to \(path)"
    }

    static func counted(_ value: Int, _ singular: String, _ plural: String) -> String {
        LoadSummary.counted(value, singular, plural)
    }

    static func moreTouches(_ count: Int) -> String {
        "  … and \(counted(count, "more", "more")); .check touches lists them all"
    }
}
