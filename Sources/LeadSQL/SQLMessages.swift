/// The words of the SQL compiler's errors, in one place.
enum SQLMessages {
    static func notCompiled(_ what: String) -> String {
        "| sql and the engines do not compile \(what) yet; leave them out, or run without --engine"
    }

    /// Business time in each lead's own zone, over a `timezone` column of too many values.
    static func tooManyLeadZones(_ limit: Int) -> String {
        "business hours in each lead's own zone when the leads' timezone column holds more than \(limit) distinct values"
    }
}
