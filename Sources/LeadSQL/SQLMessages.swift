/// The words of the SQL compiler's errors, in one place.
enum SQLMessages {
    static func notCompiled(_ what: String) -> String {
        "| sql and the engines do not compile \(what) yet; leave them out, or run without --engine"
    }

    /// What business time is called when refused.
    static let businessTime = "business hours (speed(business), within(…, business), response_business: they are counted in memory from set hours)"
}
