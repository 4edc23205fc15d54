import Foundation

/// Ctrl-C: a SIGINT handler, installed without `SA_RESTART` so that a
/// blocking read at the prompt returns with EINTR, that only raises a flag;
/// the prompt clears the line, and running queries and loads stop early.
enum Interrupt {
    /// One word the handler writes and everything else reads.
    nonisolated(unsafe) private static let flag: UnsafeMutablePointer<sig_atomic_t> = {
        let pointer = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    /// Catches Ctrl-C from now on.
    static func install() {
        _ = flag
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = { _ in Interrupt.raise() }
        #else
        action.__sigaction_u.__sa_handler = { _ in Interrupt.raise() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have left SIGINT blocked; the shell needs it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    private static func raise() { flag.pointee = 1 }

    /// Whether Ctrl-C was pressed since the flag was last taken.
    @Sendable static func pending() -> Bool { flag.pointee != 0 }

    /// Whether Ctrl-C was pressed, clearing the flag.
    @discardableResult static func take() -> Bool {
        let was = flag.pointee != 0
        flag.pointee = 0
        return was
    }
}
