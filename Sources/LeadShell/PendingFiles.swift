import Foundation

/// Temporary files being written, which a terminating signal removes before
/// the process ends (see `Interrupt.prepareProcess`). Their paths are kept in
/// fixed C buffers, so the signal handler only reads memory and calls `unlink`.
public enum PendingFiles {
    private static let slots = 4
    private static let capacity = Int(PATH_MAX) + 1

    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: slots * capacity)
        pointer.initialize(repeating: 0, count: slots * capacity)
        return pointer
    }()

    nonisolated(unsafe) private static let used: UnsafeMutablePointer<sig_atomic_t> = {
        let pointer = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: slots)
        pointer.initialize(repeating: 0, count: slots)
        return pointer
    }()

    /// Makes the buffers before any handler can read them.
    static func prepare() {
        _ = paths
        _ = used
    }

    /// Remembers a temporary file; returns its slot, or nil when every slot is taken.
    @discardableResult
    public static func add(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard bytes.count < capacity, let slot = (0..<slots).first(where: { used[$0] == 0 }) else { return nil }
        let start = paths + slot * capacity
        for (index, byte) in bytes.enumerated() { start[index] = CChar(bitPattern: byte) }
        start[bytes.count] = 0
        used[slot] = 1
        return slot
    }

    /// Forgets a temporary file that was renamed or removed.
    public static func remove(_ slot: Int) { used[slot] = 0 }

    /// Removes every remembered file; safe to call from a signal handler.
    static func unlinkAll() {
        for slot in 0..<slots where used[slot] != 0 {
            unlink(paths + slot * capacity)
            used[slot] = 0
        }
    }
}
