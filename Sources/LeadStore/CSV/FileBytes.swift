import Foundation

/// The whole contents of a data file, in one buffer.
///
/// A regular file is mapped into memory (no copy out of the page cache: ten
/// times faster than reading it into a new buffer here); its pages are
/// mapped as the threads reading its parts reach them, in parallel, rather
/// than all up front by one. A pipe or a terminal is read with `read(2)`
/// (see `FileBytes+Stream.swift`); other devices are refused, since
/// `/dev/zero` or `/dev/urandom` never end. The bytes are immutable and
/// released with the last reference.
///
/// A mapped file can still change under the mapping. While the `FileBytes`
/// lives, its pages are watched (see `FileMapping`): a page the file no
/// longer backs reads as zeros instead of killing the process with SIGBUS,
/// and `changed` turns true. Whatever reads the bytes, whenever it reads
/// them, checks `changed` (or reads through `reading(_:)`) before trusting
/// what it read.
public final class FileBytes: @unchecked Sendable {
    /// What the bytes are called in messages: a path, or a name such as `demo/leads.csv`.
    public let name: String
    let base: UnsafeMutableRawPointer
    public let count: Int
    /// The mapping, when the bytes are a mapped file.
    let mapping: FileMapping?
    /// Which file, of what size, last changed when: for a regular file, so
    /// that reading it again can tell it is still the file that was read.
    public private(set) var stamp: FileStamp?

    /// Reads the file at `path`.
    public init(path: String) throws(LoadError) {
        name = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LoadError(file: path, message: Self.describeErrno(errno, verb: "open")) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw LoadError(file: path, message: Self.describeErrno(code, verb: "read"))
        }
        let kind = info.st_mode & S_IFMT
        if let refusal = Self.refusal(kind: kind, descriptor: fd) {
            close(fd)
            throw LoadError(file: path, message: refusal)
        }
        if kind == S_IFREG { stamp = FileStamp(info) }
        if kind == S_IFREG, let mapping = FileMapping(descriptor: fd, info: info) {
            base = mapping.base
            count = mapping.size
            self.mapping = mapping
            Self.afterMapping(path: path)
            return
        }
        defer { close(fd) }
        let read = try Self.readToEnd(fd, name: path, endless: kind != S_IFREG)
        base = read.base
        count = read.count
        mapping = nil
        // A file that grew or shrank while it was read is not one to read again.
        if stamp?.size != Int64(count) { stamp = nil }
    }

    /// Wraps bytes made in memory, such as generated demo data.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        let base = Buffers.allocate(bytes.count)
        bytes.withUnsafeBytes { if let source = $0.baseAddress { base.copyMemory(from: source, byteCount: $0.count) } }
        self.base = base
        count = bytes.count
        mapping = nil
    }

    /// Takes `base`, allocated with `malloc`, to be released with `free`.
    init(name: String, adopting base: UnsafeMutableRawPointer, count: Int) {
        self.name = name
        self.base = base
        self.count = count
        mapping = nil
    }

    deinit {
        if let mapping { mapping.unmap() } else { free(base) }
    }

    /// Why a file of this kind is not read at all, if it is not.
    private static func refusal(kind: mode_t, descriptor: Int32) -> String? {
        switch kind {
        case S_IFDIR: "is a folder, not a CSV file"
        case S_IFBLK: LoadMessages.device
        case S_IFCHR where isatty(descriptor) == 0: LoadMessages.device
        default: nil
        }
    }

    /// Lets the kernel drop the pages of `range` that a reader has finished
    /// with, so a large file does not stay resident while its columns are
    /// built. Only for a mapped file (its pages can be read again from the
    /// file if needed); bytes held in memory are left alone.
    public func release(_ range: Range<Int>) {
        guard mapping != nil else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = range.upperBound / page * page
        guard end > start else { return }
        _ = madvise(base + start, end - start, Int32(MADV_DONTNEED))
    }

    /// Calls `body` with the bytes. For a mapped file, `reading(_:)` also
    /// says when the file changed meanwhile.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    public static func describeErrno(_ code: Int32, verb: String) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a folder, not a CSV file"
        default: "cannot \(verb): \(String(cString: strerror(code)))"
        }
    }
}

/// A regular file as `fstat` saw it when it was read: which file, its size,
/// and when its contents and its inode last changed (a write moves the
/// second even when the first is set back).
public struct FileStamp: Sendable, Equatable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let changed: Int64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
        let (contents, inode) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (contents, inode) = (info.st_mtim, info.st_ctim)
        #endif
        modified = Int64(contents.tv_sec) * 1_000_000_000 + Int64(contents.tv_nsec)
        changed = Int64(inode.tv_sec) * 1_000_000_000 + Int64(inode.tv_nsec)
    }

    /// The stamp of the file now at `path` (following links), or nil when it cannot be looked at.
    static func current(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(info)
    }
}
