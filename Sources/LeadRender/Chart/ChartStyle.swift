/// How a terminal chart is drawn: its size in character cells, whether it
/// may colour, and whether it may use Unicode block characters.
public struct ChartStyle: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var color: Bool
    public var unicode: Bool

    public init(width: Int = 80, height: Int = 24, color: Bool = false, unicode: Bool = true) {
        self.width = max(width, 24)
        self.height = max(height, 6)
        self.color = color
        self.unicode = unicode
    }

    /// Unicode when the locale names UTF-8 or none at all; ASCII when it names
    /// another encoding or is the plain C/POSIX locale. Reads LC_ALL, LC_CTYPE, LANG in that order.
    public static func unicode(environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let locale else { return true }
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}
