import Foundation

/// Where the shell writes: results to standard output, messages to
/// standard error. A closed pipe (`leadq … | head`) ends the program quietly.
public struct Output: Sendable {
    public let isTerminal: Bool
    public let errorIsTerminal: Bool

    public init() {
        isTerminal = isatty(STDOUT_FILENO) == 1
        errorIsTerminal = isatty(STDERR_FILENO) == 1
    }

    /// Writes a line of results.
    public func line(_ text: String) { write(text + "\n", to: STDOUT_FILENO) }

    /// Writes text as it is.
    public func write(_ text: String) { write(text, to: STDOUT_FILENO) }

    /// Writes a line to standard error.
    public func message(_ text: String) { write(text + "\n", to: STDERR_FILENO) }

    private func write(_ text: String, to descriptor: Int32) {
        if writeAll(text, to: descriptor) == EPIPE { exit(0) }
    }
}
