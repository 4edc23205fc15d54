import Foundation

/// Reads the values of a direction column: which touches are outbound.
///
/// A touch with no direction is outbound (SPEC §2). Missed calls count as
/// inbound: the lead called, nobody followed up. Any other word must be
/// declared with `--inbound WORD,…` or `--outbound WORD,…`; `declared`
/// holds those, normalized, with whether each means outbound.
package enum TouchDirection {
    package static let inboundWords: Set<String> = ["inbound", "incoming", "in", "missed", "received", "inbound call", "missed call"]
    static let outboundWords: Set<String> = ["outbound", "outgoing", "out", "sent", "outbound call"]

    /// Whether `value` means outbound; nil when it names no direction leadq knows.
    static func isOutbound(_ value: String, declared: [String: Bool] = [:]) -> Bool? {
        let word = normalized(value)
        if word.isEmpty { return true }
        if let declared = declared[word] { return declared }
        if inboundWords.contains(word) { return false }
        if outboundWords.contains(word) { return true }
        return nil
    }

    /// Whether every value of the dictionary names a direction.
    static func looksLikeDirection(_ dictionary: TextDictionary, declared: [String: Bool] = [:]) -> Bool {
        dictionary.count > 0 && dictionary.values.allSatisfy { isOutbound($0, declared: declared) != nil }
    }

    /// For each code, whether it means outbound; and the values that name no
    /// direction (taken as outbound, and reported).
    static func outboundByCode(_ dictionary: TextDictionary, declared: [String: Bool] = [:]) -> (outbound: [Bool], unrecognized: [String]) {
        var unrecognized: [String] = []
        let outbound = dictionary.values.map { value -> Bool in
            guard let outbound = isOutbound(value, declared: declared) else {
                unrecognized.append(value)
                return true
            }
            return outbound
        }
        return (outbound, unrecognized)
    }

    /// The values of `column` that name no direction, with how many rows
    /// have each, most rows first.
    static func unknown(in column: TextColumn, declared: [String: Bool]) -> [(value: String, count: Int)] {
        let values = column.dictionary.values
        let unknown = values.map { isOutbound($0, declared: declared) == nil }
        guard unknown.contains(true) else { return [] }
        var counts = [Int](repeating: 0, count: values.count)
        column.codes.withReader { codes in
            for row in 0..<column.codes.count {
                let code = codes[row]
                if code != Null.textCode && unknown[Int(code)] { counts[Int(code)] += 1 }
            }
        }
        return values.indices.filter { unknown[$0] && counts[$0] > 0 }
            .map { (values[$0], counts[$0]) }
            .sorted { ($0.count, $1.value) > ($1.count, $0.value) }
    }

    /// Every word that names a direction, as `normalized` writes it.
    package static var knownWords: [String] { inboundWords.union(outboundWords).sorted() }

    static func normalized(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
