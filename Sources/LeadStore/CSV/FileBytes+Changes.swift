import Foundation

/// Noticing a mapped file that changed while its bytes were read.
extension FileBytes {
    /// Whether the file changed since it was mapped (truncated, rewritten,
    /// grown): what was read from it may be wrong. Always false for bytes
    /// read into memory.
    public var changed: Bool { mapping?.changed ?? false }

    /// Throws "changed while it was read" when `changed`.
    public func checkUnchanged() throws(LoadError) {
        if changed { throw LoadError(file: name, message: LoadMessages.changedWhileRead) }
    }

    /// Calls `body` with the bytes, then checks that the file did not change
    /// meanwhile: a change is the error, whatever `body` returned or threw
    /// (an error found in bytes that changed says nothing about the file).
    public func reading<R>(_ body: (UnsafeRawBufferPointer) throws(LoadError) -> R) throws(LoadError) -> R {
        let result: R
        do {
            result = try body(UnsafeRawBufferPointer(start: base, count: count))
        } catch {
            try checkUnchanged()
            throw error
        }
        try checkUnchanged()
        return result
    }

    /// The test point for a file that changes while it is read: with
    /// `LEADQ_TEST_TRUNCATE_AFTER_MAP=SIZE:PATH` in the environment, the file
    /// at exactly PATH is truncated to SIZE bytes right after it is mapped,
    /// before a byte of it is read. Any other file is left alone.
    static func afterMapping(path: String) {
        guard let raw = getenv("LEADQ_TEST_TRUNCATE_AFTER_MAP") else { return }
        let setting = String(cString: raw)
        guard let colon = setting.firstIndex(of: ":"), String(setting[setting.index(after: colon)...]) == path,
              let size = off_t(setting[..<colon]) else { return }
        _ = truncate(path, size)
    }
}
