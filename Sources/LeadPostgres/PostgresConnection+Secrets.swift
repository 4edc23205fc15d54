import Foundation

extension PostgresConnection {
    /// `message` with any password written in `conninfo` masked: libpq may
    /// quote a part of a connection string it cannot read, and that part can
    /// be the password (`postgresql://u:p%zz@h/db`).
    static func masking(_ message: String, passwordsIn conninfo: String) -> String {
        var message = ConnectionSecrets.masked(message)
        // Anywhere else only a password long enough not to stand for other text: replacing
        // every "1" or "a" would garble the message and spell out the password's letters.
        for secret in passwords(in: conninfo) where secret.count >= minimumReplaced {
            message = message.replacingOccurrences(of: secret, with: "***")
            if let decoded = secret.removingPercentEncoding, decoded.count >= minimumReplaced {
                message = message.replacingOccurrences(of: decoded, with: "***")
            }
        }
        return message
    }

    /// The shortest password masked wherever it appears in a message.
    static let minimumReplaced = 4

    /// The passwords a connection string spells out: `user:PASSWORD@` in a
    /// URI, `password=…` in key=value form or as a URI parameter.
    static func passwords(in conninfo: String) -> [String] {
        let patterns = [
            #"^[a-zA-Z]+://[^/@:]*:([^@/]*)@"#,
            #"(?:^|[\s?&])password\s*=\s*'((?:[^'\\]|\\.)*)'"#,
            #"(?:^|[\s?&])password\s*=\s*([^\s'&]+)"#,
        ]
        var found: [String] = []
        for pattern in patterns {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(conninfo.startIndex..., in: conninfo)
            for match in expression.matches(in: conninfo, range: range) {
                if let part = Range(match.range(at: 1), in: conninfo) { found.append(String(conninfo[part])) }
            }
        }
        return found.sorted { $0.count > $1.count }
    }
}

/// Passwords in any text a person might see or keep: a message naming a
/// connection string (`postgresql://analyst:***@host/db`), or a line saved
/// to the history file.
public enum ConnectionSecrets {
    private static let patterns: [NSRegularExpression] = [
        #"[a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\s"']*:([^@/\s"']+)@"#,
        #"(?:^|[\s?&"'])password\s*=\s*'((?:[^'\\]|\\.)*)'"#,
        // Up to a colon that ends a message's place (`…password=pw:: error`), which is not the password's.
        #"(?:^|[\s?&"'])password\s*=\s*([^\s'"&]+?)(?=:\s|[\s'"&]|$)"#,
    ].compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// `text` with every password a connection string in it spells out replaced by `***`.
    public static func masked(_ text: String) -> String {
        guard text.contains("://") || text.range(of: "password", options: .caseInsensitive) != nil else { return text }
        var secrets: [Range<String.Index>] = []
        for expression in patterns {
            for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let part = Range(match.range(at: 1), in: text), text[part] != "***" { secrets.append(part) }
            }
        }
        var result = text, replacedFrom = text.endIndex
        for part in secrets.sorted(by: { $0.lowerBound > $1.lowerBound }) where part.upperBound <= replacedFrom {
            result.replaceSubrange(part, with: "***")
            replacedFrom = part.lowerBound
        }
        return result
    }
}
