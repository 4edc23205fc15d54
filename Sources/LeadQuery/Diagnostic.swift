/// An error or warning about a statement, with where it points and what to do.
///
/// Stages return diagnostics as values; the shell decides how to show them.
public struct Diagnostic: Error, Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var message: String
    public var range: SourceRange
    /// A replacement for the text in `range` that would fix it, if one is known.
    public var fixIt: String?

    public init(_ severity: Severity, _ message: String, at range: SourceRange, fixIt: String? = nil) {
        self.severity = severity
        self.message = message
        self.range = range
        self.fixIt = fixIt
    }
}
