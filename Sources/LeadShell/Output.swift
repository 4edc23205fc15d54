import Foundation
import LeadPostgres

/// Where the shell writes: results to standard output, messages to
/// standard error. A closed pipe (`leadq … | head`) ends the program quietly;
/// any other failed write on standard output (a full disk, `ulimit -f`) ends
/// it with a message and status 1, so no truncated result passes for whole.
/// On a terminal, control characters in what is written show as escapes
/// (`\e`, `\r`, `\x07`); files and pipes get the bytes as they are.
public struct Output: Sendable {
    public let isTerminal: Bool
    public let errorIsTerminal: Bool

    public init() {
        isTerminal = isatty(STDOUT_FILENO) == 1
        errorIsTerminal = isatty(STDERR_FILENO) == 1
    }

    /// Writes a line of results.
    public func line(_ text: String) { write(shown(text, onTerminal: isTerminal) + "\n", to: STDOUT_FILENO) }

    /// Writes text as it is.
    public func write(_ text: String) { write(shown(text, onTerminal: isTerminal), to: STDOUT_FILENO) }

    /// Writes a line to standard error, with any password a connection string in it spells out masked.
    public func message(_ text: String) {
        write(shown(ConnectionSecrets.masked(text), onTerminal: errorIsTerminal) + "\n", to: STDERR_FILENO)
    }

    /// Writes a line the shell drew itself (a table whose cells are already
    /// escaped, with colours), without escaping it again.
    func drawn(_ text: String) { write(text + "\n", to: STDOUT_FILENO) }

    private func shown(_ text: String, onTerminal: Bool) -> String {
        onTerminal ? ControlEscapes.escape(text, keepingLayout: true) : text
    }

    private func write(_ text: String, to descriptor: Int32) {
        guard let code = writeAll(text, to: descriptor) else { return }
        if code == EPIPE { exit(0) }
        guard descriptor == STDOUT_FILENO else { return }
        _ = writeAll("leadq: error: cannot write standard output: \(String(cString: strerror(code)))\n", to: STDERR_FILENO)
        exit(1)
    }
}
