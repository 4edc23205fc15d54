import CEditLine
import Foundation
import LeadStore

/// A load's progress on standard error, drawn only on a terminal and only once
/// the load has taken a second; Ctrl-C stops the load. `label` names what is
/// loading ("Loading", or "Reading touch_id" for a column read from its file again).
final class ProgressBar: @unchecked Sendable {
    private let started = Date()
    private let label: String
    private let lock = NSLock()
    private var drawn = false
    private let enabled = isatty(STDERR_FILENO) == 1

    init(label: String = "Loading") {
        self.label = label
    }

    /// The callback a load asks now and then; false stops it.
    var callback: @Sendable (Double) -> Bool {
        { [self] fraction in
            update(fraction)
            return !Interrupt.pending()
        }
    }

    private func update(_ fraction: Double) {
        guard enabled, Date().timeIntervalSince(started) > 1 else { return }
        lock.lock()
        defer { lock.unlock() }
        let width = 30
        let filled = max(0, min(width, Int(fraction * Double(width))))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label) \(bar) \(Int(fraction * 100))%".utf8))
        drawn = true
    }

    /// Clears the bar.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}

/// The bars of touch columns read from their file again while a statement
/// runs (`Session.run`'s `reading`): each cleared once its reading is done
/// (reported as 1), so the statement runs without it, and all of them by
/// `finish` when the reading stops early.
final class ReadingBars {
    private var bars: [ProgressBar] = []

    /// A bar for reading `columns`, and what the reading reports to.
    func start(_ columns: [String]) -> LoadProgress {
        let bar = ProgressBar(label: "Reading " + columns.joined(separator: ", "))
        bars.append(bar)
        let report = bar.callback
        return { fraction in
            guard fraction < 1 else { bar.finish(); return true }
            return report(fraction)
        }
    }

    func finish() {
        for bar in bars { bar.finish() }
    }
}
