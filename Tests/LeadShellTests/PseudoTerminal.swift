import CEditLine
import Foundation

/// Runs `leadq` on a pseudo-terminal, as a person at a keyboard would, and
/// reads what it draws.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    /// Everything the program has written, escape sequences included.
    private(set) var screen = ""

    init(arguments: [String], environment: [String: String]) throws {
        let path = LeadQProcess.binary.path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var master: Int32 = -1
        pid = chdir(LeadQProcess.root.path) == 0 ? leadq_spawn_on_pty(path, argv, envp, &master) : -1
        guard pid > 0 else { throw POSIXError(.ECHILD) }
        self.master = master
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Types text (`\r` is Enter, `\t` Tab, `\u{3}` Ctrl-C, `\u{4}` Ctrl-D).
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until the screen holds `text` after the mark, or the time is up; true when it does.
    @discardableResult
    func wait(for text: String, after mark: String.Index? = nil, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            drain()
            let searched = mark.map { screen[$0...] } ?? screen[...]
            if searched.contains(text) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Where the screen ends now, to search only what comes after.
    var mark: String.Index {
        drain()
        return screen.endIndex
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            screen += String(decoding: buffer[0..<n], as: UTF8.self)
        }
    }

    /// Waits until the prompt is the last thing drawn, then types Ctrl-D and
    /// returns the exit status. A Ctrl-D typed while a statement still runs
    /// reaches the terminal in line mode, which hands the line editor a NUL
    /// byte in its place once the prompt is back, so it must wait.
    func quit(prompt: String = "leadq> ", seconds: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, !screen.hasSuffix(prompt) {
            usleep(20_000)
            drain()
        }
        type("\u{4}")
        // A machine busy with engines' JVMs can take more than the usual ten seconds to let the process end.
        return exitStatus(seconds: 30)
    }

    /// Waits for the program to end; its exit status, or nil if it is still running.
    func exitStatus(seconds: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            drain()
            if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xFF }
            usleep(20_000)
        }
        return nil
    }

    var isRunning: Bool { kill(pid, 0) == 0 && waitpid(pid, nil, WNOHANG) == 0 }
}
