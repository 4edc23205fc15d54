import Foundation

/// One slot per worker, each written by one thread, read after all are done.
final class WorkerResults<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var all: [T?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
