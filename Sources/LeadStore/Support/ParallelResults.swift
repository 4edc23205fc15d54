import Foundation

/// One slot per parallel worker, each written by one thread, read when all are done.
public final class ParallelResults<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot; nil where a worker stored nothing.
    public var all: [T?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }

    /// Runs `work` for each index on all cores and collects what it returns.
    public static func map(_ count: Int, _ work: @Sendable (Int) -> T?) -> [T?] {
        let results = ParallelResults<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            if let value = work(index) { results.store(value, at: index) }
        }
        return results.all
    }
}
