import Foundation

/// Reading a file that is not mapped: a pipe, a terminal, or a regular file
/// that could not be mapped.
extension FileBytes {
    /// Reads `descriptor` to its end into memory to be released with `free`.
    /// No line may run past `LoadMessages.rowBytes`; an `endless` input (one
    /// with no size known up front, such as a pipe) may send at most
    /// `LoadMessages.streamBytes`, so that neither `/dev/stdin` fed from an
    /// endless program nor a file with no line ends grows without bound.
    static func readToEnd(
        _ descriptor: Int32, name: String, endless: Bool
    ) throws(LoadError) -> (base: UnsafeMutableRawPointer, count: Int) {
        let limit = endless ? LoadMessages.streamBytes : Int.max
        var capacity = 1 << 20
        var buffer = Buffers.allocate(capacity)
        var count = 0
        var lineStart = 0
        while true {
            if capacity - count < 1 << 16 {
                capacity *= 2
                guard let grown = realloc(buffer, capacity + 16) else {
                    free(buffer)
                    throw LoadError(file: name, message: describeErrno(ENOMEM, verb: "read"))
                }
                buffer = grown
            }
            let n = read(descriptor, buffer + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                free(buffer)
                throw LoadError(file: name, message: describeErrno(code, verb: "read"))
            }
            if n == 0 { break }
            count += n
            if count - lineStart > LoadMessages.rowBytes, let end = lastLineEnd(in: UnsafeRawBufferPointer(start: buffer, count: count), after: lineStart) {
                lineStart = end + 1
            }
            if count - lineStart > LoadMessages.rowBytes {
                let line = lineFeeds(in: UnsafeRawBufferPointer(start: buffer, count: lineStart)) + 1
                free(buffer)
                throw LoadError(file: name, line: line, message: LoadMessages.lineTooLong)
            }
            if count > limit {
                free(buffer)
                throw LoadError(file: name, message: LoadMessages.streamTooLong(limit: limit))
            }
        }
        return (buffer, count)
    }

    /// The offset of the last line feed or carriage return in `bytes` at or
    /// after `start`. Looked for only once the bytes since the last line end
    /// known pass the limit, so each byte is searched about once.
    private static func lastLineEnd(in bytes: UnsafeRawBufferPointer, after start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var last: Int?
        for byte: Int32 in [0x0A, 0x0D] {
            var position = start
            while position < bytes.count, let hit = memchr(base + position, byte, bytes.count - position) {
                position = base.distance(to: UnsafeRawPointer(hit)) + 1
                last = max(last ?? 0, position - 1)
            }
        }
        return last
    }

    private static func lineFeeds(in bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var found = 0
        var position = 0
        while position < bytes.count, let hit = memchr(base + position, 0x0A, bytes.count - position) {
            found += 1
            position = base.distance(to: UnsafeRawPointer(hit)) + 1
        }
        return found
    }
}
