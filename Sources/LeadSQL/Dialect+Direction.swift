import LeadStore

/// How a touch's direction reads, as the in-memory engine reads it: no
/// direction is outbound; a value is trimmed and lower-cased and then is
/// inbound when it is one of leadq's inbound words. The two spellings
/// exports nearly always use are compared first, as they are, so most rows
/// never pay for `lower(trim(…))` (several times the cost of the compare).
extension Dialect {
    /// Whether the direction expression means outbound (true for null).
    package func isOutbound(_ direction: String) -> String {
        let words = TouchDirection.inboundWords.sorted().map(string).joined(separator: ", ")
        return "(\(direction) IS NULL OR CASE \(direction) WHEN 'outbound' THEN TRUE WHEN 'inbound' THEN FALSE "
            + "ELSE lower(trim(\(direction))) NOT IN (\(words)) END)"
    }
}
