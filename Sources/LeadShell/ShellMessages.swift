import LeadStore

/// The words of the shell's own messages, in one place.
enum Messages {
    static func wrote(_ rows: Int, to path: String) -> String {
        "wrote \(Quantity.counted(rows, "row", "rows")) to \(path)"
    }

    static func moreTouches(_ count: Int) -> String {
        "  … and \(Quantity.counted(count, "more", "more")); .check touches lists them all"
    }

    /// The first line of the summary when an engine holds the data.
    static func engineAnswers(_ engine: String, counts: (leads: Int, touches: Int)?) -> String {
        let held = counts.map { "\(Quantity.counted($0.leads, "lead", "leads")) and \(Quantity.counted($0.touches, "touch", "touches"))" } ?? "the data"
        return "\(engine) answers: \(held) stay in the engine; nothing is loaded into memory."
    }

    static let engineCheckFailed = "the engine could not count the checks"
}
