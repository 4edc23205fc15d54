import CEditLine
import Foundation
import LeadPostgres

/// Interactive line input through the system libedit: emacs key bindings,
/// a prompt, and a history file that survives restarts.
///
/// Used only when standard input is a terminal. History entries are whole
/// statements; the file is rewritten after every statement (to a temporary
/// file, then renamed) so a hang-up loses nothing.
final class LineEditor {
    /// What one read gave.
    enum Input {
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal closed.
        case end
    }

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var promptText: UnsafeMutablePointer<CChar>
    private let historyPath: String?
    private var warnedAboutHistory = false
    private let warn: (String) -> Void
    private var lastEntry: String?
    /// Answers Tab: what the text before the cursor could become.
    var completer: ((String) -> Completer.Completion)?

    static let historyLimit = 10_000

    init?(historyPath: String?, warn: @escaping (String) -> Void) {
        leadq_set_locale()
        guard let editLine = el_init("leadq", leadq_stdin(), leadq_stdout(), leadq_stderr()) else { return nil }
        guard let history = history_init() else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        self.warn = warn
        promptText = strdup("leadq> ")
        leadq_history_set_size(history, Int32(Self.historyLimit))
        leadq_history_set_unique(history, 1)
        leadq_el_set_history(editLine, history)
        leadq_el_set_editor(editLine, "emacs")
        leadq_el_set_signal(editLine, 1)
        leadq_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        leadq_el_set_prompt(editLine) { editLine in
            guard let editLine, let data = leadq_el_get_clientdata(editLine) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptText
        }
        leadq_el_add_function(editLine, "leadq-complete", "Complete the word before the cursor") { editLine, _ in
            guard let editLine, let data = leadq_el_get_clientdata(editLine) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        }
        leadq_el_bind(editLine, "^I", "leadq-complete")
        Interrupt.install()
        loadHistory()
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptText)
    }

    /// Reads one line, showing `prompt`.
    func read(prompt: String) -> Input {
        free(promptText)
        promptText = strdup(prompt)
        Interrupt.take()
        var count: Int32 = 0
        guard let raw = el_gets(editLine, &count) else {
            if count < 0 || Interrupt.take() {
                clearLine()
                print("")
                return .interrupted
            }
            // Leave the cursor on a new line, so what comes next starts there.
            _ = writeAll("\n", to: STDOUT_FILENO)
            return .end
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Tab: completes one candidate, extends to the common start of several and lists them.
    private func complete() -> UInt8 {
        guard let completer, let info = el_line(editLine) else { return UInt8(CC_ERROR) }
        let length = info.pointee.cursor - info.pointee.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.pointee.buffer, count: length), as: UTF8.self)
        let completion = completer(before)
        guard !completion.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        if completion.candidates.count == 1 {
            replace(completion.prefix, with: completion.candidates[0] + completion.suffix)
            return UInt8(CC_REFRESH)
        }
        let common = Completer.commonPrefix(completion.candidates)
        if common.count > completion.prefix.count {
            replace(completion.prefix, with: common)
            return UInt8(CC_REFRESH)
        }
        let width = (completion.candidates.map(\.count).max() ?? 0) + 2
        let perLine = max(1, 100 / width)
        var text = "\n"
        for (index, candidate) in completion.candidates.prefix(200).enumerated() {
            text += ControlEscapes.escape(candidate).padding(toLength: width, withPad: " ", startingAt: 0)
            if index % perLine == perLine - 1 { text += "\n" }
        }
        if completion.candidates.count > 200 { text += "\n… \(completion.candidates.count - 200) more" }
        if !text.hasSuffix("\n") { text += "\n" }
        FileHandle.standardOutput.write(Data(text.utf8))
        return UInt8(CC_REDISPLAY)
    }

    /// Replaces the typed `prefix` before the cursor with `text`, keeping what
    /// was typed when `text` starts with it exactly.
    private func replace(_ prefix: String, with text: String) {
        if text.hasPrefix(prefix) {
            let rest = String(text.dropFirst(prefix.count))
            if !rest.isEmpty { _ = el_insertstr(editLine, rest) }
        } else {
            el_deletestr(editLine, Int32(prefix.count))
            _ = el_insertstr(editLine, text)
        }
    }

    /// Empties libedit's line buffer, which a Ctrl-C leaves as it was.
    private func clearLine() {
        guard let info = el_line(editLine) else { return }
        let after = info.pointee.lastchar - info.pointee.cursor
        if after > 0 { _ = el_cursor(editLine, Int32(after)) }
        guard let moved = el_line(editLine) else { return }
        let bytes = UnsafeRawBufferPointer(start: moved.pointee.buffer, count: moved.pointee.cursor - moved.pointee.buffer)
        let characters = String(decoding: bytes, as: UTF8.self).count
        if characters > 0 { el_deletestr(editLine, Int32(characters)) }
    }

    /// Records a statement, with any password in it masked, and saves the history file.
    func record(_ statement: String) {
        let entry = ConnectionSecrets.masked(statement.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !entry.isEmpty, entry != lastEntry else { return }
        lastEntry = entry
        leadq_history_enter(history, entry)
        saveHistory()
    }

    /// Every entry, oldest first.
    var entries: [String] {
        var result: [String] = []
        var first: Int32 = 1
        while let entry = leadq_history_next_oldest(history, first) {
            result.append(String(cString: entry))
            first = 0
        }
        return result
    }

    private func loadHistory() {
        guard let historyPath, FileManager.default.fileExists(atPath: historyPath) else { return }
        if leadq_history_load(history, historyPath) < 0 {
            warnOnce("cannot read the history file \(historyPath); starting with an empty history")
        }
        lastEntry = entries.last
    }

    private func saveHistory() {
        guard let historyPath else { return }
        let folder = (historyPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = historyPath + ".tmp.\(getpid())"
        if leadq_history_save(history, temporary) < 0 || rename(temporary, historyPath) != 0 {
            unlink(temporary)
            warnOnce("cannot write the history file \(historyPath); history will not be kept")
        }
    }

    private func warnOnce(_ message: String) {
        guard !warnedAboutHistory else { return }
        warnedAboutHistory = true
        warn("warning: " + message)
    }

    /// Where history lives: `$LEADQ_HISTORY`, else `$XDG_STATE_HOME/leadq/history`,
    /// else `~/.local/state/leadq/history`.
    static func defaultHistoryPath(environment: [String: String]) -> String? {
        if let path = environment["LEADQ_HISTORY"], !path.isEmpty { return path }
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/leadq/history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/leadq/history"
    }
}
