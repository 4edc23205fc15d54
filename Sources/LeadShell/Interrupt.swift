import Foundation

/// Signals. In every mode a closed pipe and a file-size limit show up as
/// failed writes (SIGPIPE and SIGXFSZ are ignored), and SIGINT, SIGTERM,
/// SIGHUP, SIGQUIT, SIGALRM, SIGUSR1 and SIGUSR2 first remove the temporary
/// file of an export under way, then end the process as the signal would
/// (never through Swift's crash report). At the prompt SIGQUIT (Ctrl-\) is
/// ignored, as psql and sqlite3 do, and Ctrl-C instead only raises a flag (a SIGINT handler installed without `SA_RESTART`, so that a
/// blocking read returns with EINTR): the prompt clears the line, and running
/// queries, exports and loads stop early.
public enum Interrupt {
    /// One word the handler writes and everything else reads.
    nonisolated(unsafe) private static let flag: UnsafeMutablePointer<sig_atomic_t> = {
        let pointer = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return pointer
    }()

    /// Sets up the signals of every mode; a signal the parent ignores stays ignored.
    public static func prepareProcess() {
        _ = flag
        PendingFiles.prepare()
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2] {
            var old = sigaction()
            sigaction(number, nil, &old)
            #if os(Linux)
            if unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            #else
            if unsafeBitCast(old.__sigaction_u.__sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            #endif
            handle(number) { number in Interrupt.end(number) }
            unblock(number)
        }
    }

    /// A parent may leave a signal blocked (a spawning thread's mask is inherited).
    private static func unblock(_ number: Int32) {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Catches Ctrl-C from now on, for the prompt.
    static func install() {
        prepareProcess()
        handle(SIGINT) { _ in Interrupt.raise() }
        unblock(SIGINT)
        signal(SIGQUIT, SIG_IGN)
    }

    private static func handle(_ number: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(number, &action, nil)
    }

    /// Removes pending temporary files, then lets the signal end the process.
    private static func end(_ number: Int32) {
        PendingFiles.unlinkAll()
        signal(number, SIG_DFL)
        Foundation.raise(number)
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
