import Foundation

/// Pages text through `$PAGER` (default `less -FRX`) on the terminal leadq
/// runs on.
///
/// The pager is started with `posix_spawn` in leadq's own process group,
/// which is the terminal's foreground group, so it may read keys and draw;
/// started in a group of its own the terminal would stop it. A pager that
/// quits before the end (`q`, `head -c 100`) closes the pipe, which ends the
/// writing and is not an error.
enum Pager {
    /// The terminal's height in rows, asked of the terminal itself; nil when
    /// standard output is not a terminal or does not say.
    static func terminalRows() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }

    /// Runs `command` through `/bin/sh -c`, writes `text` to its standard
    /// input and waits for it to end; false when it could not be started.
    static func page(_ text: String, command: String) -> Bool {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return false }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, readEnd)

        // leadq ignores SIGPIPE and SIGXFSZ; the pager gets the usual behaviour back.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGXFSZ, SIGINT, SIGQUIT, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let words: [String] = ["/bin/sh", "-c", command]
        let arguments = words.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, environ)
        close(readEnd)
        guard started == 0 else {
            close(writeEnd)
            return false
        }
        _ = writeAll(text, to: writeEnd)
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return true
    }
}
