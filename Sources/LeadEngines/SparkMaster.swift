/// Where `--engine spark=MASTER` runs: the master URL forms Spark takes, as a
/// table. `local[*]` when none is given; anything else is refused before a
/// JVM starts.
struct SparkMaster: Equatable {
    let url: String

    static let local = SparkMaster(url: "local[*]")

    /// The forms: a prefix and what may follow it.
    private static let forms: [(prefix: String, rest: @Sendable (Substring) -> Bool)] = [
        ("local", { $0.isEmpty || threads($0) }),
        ("spark://", { hosts($0) }),
        ("yarn", { $0.isEmpty }),
        ("k8s://", { !$0.isEmpty && !$0.contains(" ") }),
        ("sc://", { hosts($0.prefix { $0 != "/" && $0 != ";" }, portOptional: true) }),
    ]

    init?(_ text: String) {
        guard let form = Self.forms.first(where: { text.hasPrefix($0.prefix) }), form.rest(text.dropFirst(form.prefix.count)) else { return nil }
        url = text
    }

    private init(url: String) { self.url = url }

    /// Spark Connect: a client of a server that holds the session; no JVM here.
    var isConnect: Bool { url.hasPrefix("sc://") }
    /// Runs on this machine's JVM.
    var isLocal: Bool { url.hasPrefix("local") }

    /// `[N]`, `[*]`, `[N,F]` or `[*,F]`.
    private static func threads(_ text: Substring) -> Bool {
        guard text.first == "[", text.last == "]" else { return false }
        let parts = text.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        let first = parts[0] == "*" || positive(parts[0])
        return first && (parts.count == 1 || positive(parts[1]))
    }

    /// `host:port[,host:port…]`.
    private static func hosts(_ text: Substring, portOptional: Bool = false) -> Bool {
        !text.isEmpty && text.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { part in
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard let host = pieces.first, !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || "-._".contains($0) }) else { return false }
            if pieces.count == 1 { return portOptional }
            return pieces.count == 2 && positive(pieces[1])
        }
    }

    private static func positive(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 6 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) && Int(text)! > 0
    }
}
