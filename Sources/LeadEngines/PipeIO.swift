import Foundation

/// Reading and writing pipes with POSIX calls that retry after a signal, so
/// Ctrl-C (a handler without `SA_RESTART`) never breaks a read or a write.
enum PipeIO {
    /// Writes all of `data`; stops quietly when the reader has gone.
    static func writeAll(_ descriptor: Int32, _ data: Data) {
        _ = writeEvery(descriptor, data)
    }

    /// Writes all of `data`; false when the reader has gone.
    static func writeEvery(_ descriptor: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            guard var pointer = buffer.baseAddress else { return true }
            var left = buffer.count
            while left > 0 {
                let written = write(descriptor, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                pointer += written
                left -= written
            }
            return true
        }
    }

    /// Whether `descriptor` has something to read (or has ended) within `milliseconds`.
    static func ready(_ descriptor: Int32, milliseconds: Int32) -> Bool {
        var wanted = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let count = poll(&wanted, 1, milliseconds)
        return count > 0
    }

    /// What one read gives: bytes, nil at the end; retried after a signal.
    static func read(_ descriptor: Int32, into buffer: inout [UInt8]) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            return max(count, 0)
        }
    }

    /// Everything up to the end; nil when `isCancelled` answered true first.
    static func readAll(_ descriptor: Int32, isCancelled: (@Sendable () -> Bool)?) -> Data? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let isCancelled {
                if isCancelled() { return nil }
                guard ready(descriptor, milliseconds: 100) else { continue }
            }
            let count = read(descriptor, into: &buffer)
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }
}
