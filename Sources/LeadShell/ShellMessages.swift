import LeadStore

/// The words of the shell's own messages, in one place.
enum Messages {
    static func wrote(_ rows: Int, to path: String) -> String {
        "wrote \(Quantity.counted(rows, "row", "rows")) to \(path)"
    }

    static func moreTouches(_ count: Int) -> String {
        "  … and \(Quantity.counted(count, "more", "more")); .check touches lists them all"
    }
}
