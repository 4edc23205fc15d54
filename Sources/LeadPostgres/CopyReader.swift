import Foundation
import LeadStore

/// Reads the rows of a copy on a thread of its own while the connection
/// receives the rest: the receiving thread hands over runs of whole rows
/// (`submit`), this thread reads each into the stream and frees it. After
/// the first error the runs still to come are only freed.
final class CopyReader: @unchecked Sendable {
    /// Whole rows in memory from `malloc`, the first starting on `line` of the CSV text.
    struct Run {
        let base: UnsafeMutableRawPointer
        let count: Int
        let line: Int
        let rows: Int
    }

    let stream: CSVStream
    private let condition = NSCondition()
    private var waiting: [Run] = []
    /// How many runs have been read (or, after an error, freed).
    private var finished = 0
    /// How many runs may wait to be read before `submit` waits: what the copy holds beyond the columns.
    private let backlog = 2
    private var ended = false
    private var error: LoadError?
    private let done = DispatchSemaphore(value: 0)

    init(stream: CSVStream) {
        self.stream = stream
        let thread = Thread { [self] in readRuns() }
        thread.name = "leadq copy reader"
        thread.start()
    }

    /// Whether reading has met an error (the copy need not go on).
    var failed: Bool {
        condition.lock()
        defer { condition.unlock() }
        return error != nil
    }

    /// Hands `run` over; it is freed here. Waits while `backlog` runs are
    /// still to be read, so a copy faster than reading is held back rather than kept.
    func submit(_ run: Run) {
        condition.lock()
        while waiting.count - finished >= backlog { condition.wait() }
        waiting.append(run)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every run handed over is read; the first error, if any.
    func finish() -> LoadError? {
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
        done.wait()
        return error
    }

    private func readRuns() {
        var next = 0
        while true {
            condition.lock()
            while next == waiting.count && !ended { condition.wait() }
            guard next < waiting.count else {
                condition.unlock()
                break
            }
            let run = waiting[next]
            next += 1
            let skip = error != nil
            condition.unlock()
            if !skip {
                do throws(LoadError) {
                    try stream.read(UnsafeRawBufferPointer(start: run.base, count: run.count), line: run.line, rows: run.rows)
                } catch {
                    condition.lock()
                    self.error = error
                    condition.unlock()
                }
            }
            free(run.base)
            condition.lock()
            finished += 1
            condition.broadcast()
            condition.unlock()
        }
        done.signal()
    }
}
