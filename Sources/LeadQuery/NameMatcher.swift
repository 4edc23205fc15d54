/// Finds the known name nearest to a misspelt one.
public enum NameMatcher {
    /// The one way a suggestion is offered in a message: `; did you mean month?`
    public static func didYouMean(_ name: String) -> String { "; did you mean \(name)?" }

    /// The nearest name within a small edit distance, if any.
    public static func nearest(to name: String, in names: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        // A name that starts with a digit (a header such as `1st`) cannot be written in a statement.
        for candidate in names where !(candidate.first?.isNumber ?? true) {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= max(1, target.count / 3), distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// The first of `names` that starts with `name` (`m` → `month`), for a
    /// name too short for any to be near.
    public static func completion(of name: String, in names: [String]) -> String? {
        let prefix = name.lowercased()
        guard !prefix.isEmpty else { return nil }
        return names.first { $0.lowercased().hasPrefix(prefix) && !($0.first?.isNumber ?? true) }
    }

    /// Levenshtein distance.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
