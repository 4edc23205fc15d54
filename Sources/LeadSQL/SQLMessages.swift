/// The words of the SQL compiler's errors, in one place.
enum SQLMessages {
    static func notCompiled(_ what: String) -> String {
        "| sql and the engines do not compile \(what) yet; leave them out, or run without --engine"
    }

    /// What business time in each lead's own zone is called when refused.
    static let perLeadZones = "business hours in each lead's own zone (the leads have a timezone column: they are counted in memory)"
}
