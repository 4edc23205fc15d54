extension HeaderMap {
    /// The headers closest to `header` (by edits to their normalized names),
    /// at most `limit`, closest first.
    static func nearest(_ header: String, in headers: [String], limit: Int = 3) -> [String] {
        let wanted = Array(normalize(header))
        let scored = headers.enumerated().map { index, candidate in
            (index: index, distance: editDistance(wanted, Array(normalize(candidate))))
        }
        return scored.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }.prefix(limit).map { headers[$0.index] }
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
