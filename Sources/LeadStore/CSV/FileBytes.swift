import Foundation

/// The whole contents of a data file, in one buffer.
///
/// Read with `read(2)` into memory advised for huge pages, which the kernel
/// fills several times faster than ordinary pages; the buffer is immutable
/// once read and freed with the last reference.
public final class FileBytes: @unchecked Sendable {
    /// What the bytes are called in messages: a path, or a name such as `demo/leads.csv`.
    public let name: String
    private let base: UnsafeMutableRawPointer
    public let count: Int

    /// Reads the file at `path`.
    public init(path: String) throws(LoadError) {
        name = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LoadError(file: path, message: Self.describeErrno(errno, verb: "open")) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LoadError(file: path, message: Self.describeErrno(errno, verb: "read")) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw LoadError(file: path, message: "is a folder, not a CSV file")
        }
        let size = Int(info.st_size)
        base = Self.allocate(size)
        var filled = 0
        while filled < size {
            let n = read(fd, base + filled, min(size - filled, 1 << 30))
            if n < 0 {
                if errno == EINTR { continue }
                let message = Self.describeErrno(errno, verb: "read")
                free(base)
                throw LoadError(file: path, message: message)
            }
            if n == 0 { break }
            filled += n
        }
        count = filled
    }

    /// Wraps bytes made in memory, such as generated demo data.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        let base = Self.allocate(bytes.count)
        bytes.withUnsafeBytes { if let source = $0.baseAddress { base.copyMemory(from: source, byteCount: $0.count) } }
        self.base = base
        count = bytes.count
    }

    deinit { free(base) }

    /// Calls `body` with the bytes.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    private static func allocate(_ size: Int) -> UnsafeMutableRawPointer {
        let hugePage = 2 << 20
        let rounded = max(hugePage, (size + 16 + hugePage - 1) / hugePage * hugePage)
        var pointer: UnsafeMutableRawPointer?
        guard posix_memalign(&pointer, hugePage, rounded) == 0, let pointer else {
            fatalError("out of memory reading \(size) bytes")
        }
        #if os(Linux)
        _ = madvise(pointer, rounded, 14 /* MADV_HUGEPAGE */)
        #endif
        return pointer
    }

    static func describeErrno(_ code: Int32, verb: String) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a folder, not a CSV file"
        default: "cannot \(verb): \(String(cString: strerror(code)))"
        }
    }
}
