import Foundation

/// Reads the values of a direction column: which touches are outbound.
///
/// A touch with no direction is outbound (SPEC §2). Missed calls count as
/// inbound: the lead called, nobody followed up.
enum TouchDirection {
    static let inboundWords: Set<String> = ["inbound", "incoming", "in", "missed", "received", "inbound call", "missed call"]
    static let outboundWords: Set<String> = ["outbound", "outgoing", "out", "sent", "outbound call"]

    /// Whether every value of the dictionary names a direction.
    static func looksLikeDirection(_ dictionary: TextDictionary) -> Bool {
        dictionary.count > 0 && dictionary.values.allSatisfy { value in
            let word = normalized(value)
            return word.isEmpty || inboundWords.contains(word) || outboundWords.contains(word)
        }
    }

    /// For each code, whether it means outbound; and the values that name no
    /// direction (taken as outbound, and reported).
    static func outboundByCode(_ dictionary: TextDictionary) -> (outbound: [Bool], unrecognized: [String]) {
        var unrecognized: [String] = []
        let outbound = dictionary.values.map { value -> Bool in
            let word = normalized(value)
            if inboundWords.contains(word) { return false }
            if !word.isEmpty && !outboundWords.contains(word) { unrecognized.append(value) }
            return true
        }
        return (outbound, unrecognized)
    }

    private static func normalized(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
