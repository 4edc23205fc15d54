extension HeaderMap {
    /// The headers closest to `header`, at most `limit`, closest first:
    /// those containing it (or contained in it) first, then by edits to
    /// their normalized names.
    static func nearest(_ header: String, in headers: [String], limit: Int = 3) -> [String] {
        let scored = headers.enumerated().map { index, candidate in (index: index, score: distance(header, candidate)) }
        return scored.sorted { ($0.score, $0.index) < ($1.score, $1.index) }.prefix(limit).map { headers[$0.index] }
    }

    /// How far `candidate` is from `header`; lower is nearer.
    static func distance(_ header: String, _ candidate: String) -> Int {
        let wanted = normalize(header), other = normalize(candidate)
        let edits = editDistance(Array(wanted), Array(other))
        let contains = !wanted.isEmpty && !other.isEmpty && (other.contains(wanted) || wanted.contains(other))
        return contains ? edits : edits + 1_000
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
