import Foundation

/// The whole contents of a data file, in one buffer.
///
/// A regular file is mapped into memory (no copy out of the page cache: ten
/// times faster than reading it into a new buffer here); its pages are
/// mapped as the threads reading its parts reach them, in parallel, rather
/// than all up front by one. Anything else (a pipe, a device) is read with
/// `read(2)`. The bytes are immutable and released
/// with the last reference.
public final class FileBytes: @unchecked Sendable {
    /// What the bytes are called in messages: a path, or a name such as `demo/leads.csv`.
    public let name: String
    private let base: UnsafeMutableRawPointer
    public let count: Int
    /// The length of the mapping, when the bytes are a mapped file.
    private let mappedLength: Int?

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
        if (info.st_mode & S_IFMT) == S_IFREG, size > 0,
           let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED {
            base = mapped
            count = size
            mappedLength = size
            return
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw LoadError(file: path, message: Self.describeErrno(errno, verb: "read"))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        let buffer = Buffers.allocate(bytes.count)
        bytes.withUnsafeBytes { if let source = $0.baseAddress { buffer.copyMemory(from: source, byteCount: $0.count) } }
        base = buffer
        count = bytes.count
        mappedLength = nil
    }

    /// Wraps bytes made in memory, such as generated demo data.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        let base = Buffers.allocate(bytes.count)
        bytes.withUnsafeBytes { if let source = $0.baseAddress { base.copyMemory(from: source, byteCount: $0.count) } }
        self.base = base
        count = bytes.count
        mappedLength = nil
    }

    deinit {
        if let mappedLength { munmap(base, mappedLength) } else { free(base) }
    }

    /// Lets the kernel drop the pages of `range` that a reader has finished
    /// with, so a large file does not stay resident while its columns are
    /// built. Only for a mapped file (its pages can be read again from the
    /// file if needed); bytes held in memory are left alone.
    public func release(_ range: Range<Int>) {
        guard mappedLength != nil else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard end > start else { return }
        _ = madvise(base + start, end - start, Int32(MADV_DONTNEED))
    }

    /// Calls `body` with the bytes.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
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
