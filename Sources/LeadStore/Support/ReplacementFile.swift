import Foundation

/// A file being written in place of another, so that the target is either
/// entirely new or untouched.
///
/// The bytes go to a temporary file beside the target, created under an
/// unpredictable name with `O_CREAT | O_EXCL | O_NOFOLLOW` (so a link planted
/// in the folder is never followed), readable only by its owner until it
/// takes the old file's permission bits (and, where allowed, its owner and
/// group); `commit()` renames it over the target. What the path names
/// decides the rest, as the table in `Destination` says: a symbolic link is
/// followed and its target replaced (unless another user planted it in a
/// sticky, world-writable folder); a character device or a FIFO is written
/// straight into, with no temporary file; a folder, a block device or a
/// socket is refused. Another hard link to a replaced file keeps the old bytes.
public final class ReplacementFile {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The path written to in the end, symbolic links resolved.
    public let target: String
    /// The temporary file, or nil when writing straight into a device or FIFO.
    public let temporaryPath: String?
    /// Where the bytes go; closed by `commit()` or `discard()`.
    public let descriptor: Int32
    private var finished = false

    /// Opens `path` for replacing; errors name it as given. `pending` hears
    /// of the temporary file's name before it is created (true) and again if
    /// it was not (false), so a signal handler that removes it never misses it.
    public init(replacing path: String, pending: (String, Bool) -> Void = { _, _ in }) throws(Failure) {
        let destination = try Destination(resolving: path)
        target = destination.path
        switch destination.kind {
        case .stream:
            let descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else { throw Self.failure(path, errno) }
            self.descriptor = descriptor
            temporaryPath = nil
        case .new, .regular:
            let (descriptor, temporary) = try Self.createTemporary(beside: target, name: path, pending: pending)
            self.descriptor = descriptor
            temporaryPath = temporary
            if case .regular(let mode, let owner, let group) = destination.kind {
                _ = fchown(descriptor, owner, group)
                _ = fchmod(descriptor, mode)
            } else {
                _ = fchmod(descriptor, Self.newFileMode())
            }
        }
    }

    deinit { if !finished { discard() } }

    /// Makes the written bytes the target's: flushes them to disk and renames
    /// the temporary file over the target (or closes the device or FIFO).
    public func commit(name: String) throws(Failure) {
        guard !finished else { return }
        finished = true
        guard let temporaryPath else {
            if close(descriptor) != 0 { throw Self.failure(name, errno) }
            return
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw Self.failure(name, code)
        }
        if rename(temporaryPath, target) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw Self.failure(name, code)
        }
    }

    /// Leaves the target untouched and removes the temporary file.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        if let temporaryPath { unlink(temporaryPath) }
    }

    static func failure(_ name: String, _ code: Int32) -> Failure {
        Failure(description: "cannot write \(name): \(String(cString: strerror(code)))")
    }

    /// `FOLDER/.NAME.XXXXXXXXXX.tmp` with ten random letters and digits,
    /// created exclusively; another name is tried when one is taken.
    private static func createTemporary(beside target: String, name: String, pending: (String, Bool) -> Void) throws(Failure) -> (Int32, String) {
        let (folder, base) = FilePath.split(target)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let random = String((0..<10).map { _ in letters[Int(generator.next(upperBound: UInt64(letters.count)))] })
            let temporary = FilePath.join(folder, ".\(base).\(random).tmp")
            pending(temporary, true)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (descriptor, temporary) }
            let code = errno
            pending(temporary, false)
            if code != EEXIST { throw Self.failure(name, code) }
        }
        throw Self.failure(name, EEXIST)
    }

    /// The mode a new file gets: read and write for all, less the umask.
    private static func newFileMode() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }
}

/// What a path names, after following symbolic links, and so how it is written.
///
/// | the path names        | written how                                   |
/// |-----------------------|-----------------------------------------------|
/// | nothing               | a new file (its folder must exist)            |
/// | a regular file        | replaced by rename, keeping its mode          |
/// | a symbolic link       | followed, then as its target                  |
/// | a link in /tmp-like   | refused unless the writer's or folder owner's |
/// | a character device    | written straight into (`/dev/null`, a tty)    |
/// | a name under /dev     | written straight into (`/dev/stdout`)         |
/// | a FIFO                | written straight into                         |
/// | a folder              | refused                                       |
/// | a block device/socket | refused                                       |
struct Destination {
    enum Kind { case new, regular(mode: mode_t, owner: uid_t, group: gid_t), stream }
    let path: String
    let kind: Kind

    init(resolving given: String) throws(ReplacementFile.Failure) {
        guard !given.isEmpty else { throw ReplacementFile.Failure(description: "cannot write to a file with no name") }
        if given.hasSuffix("/") || given == "." || given == ".." || given.hasSuffix("/.") || given.hasSuffix("/..") {
            throw ReplacementFile.Failure(description: "cannot write \(given): it names a folder, not a file")
        }
        try Self.refuseForeignLinks(given)
        var status = stat()
        if stat(given, &status) == 0 {
            // Whatever a name under /dev stands for (/dev/stdout, /dev/fd/3) is written straight into.
            let inDevices = given.hasPrefix("/dev/")
            switch status.st_mode & S_IFMT {
            case S_IFDIR: throw ReplacementFile.Failure(description: "cannot write \(given): it is a folder, not a file")
            case S_IFCHR, S_IFIFO: kind = .stream
            case S_IFREG where inDevices: kind = .stream
            case S_IFREG: kind = .regular(mode: status.st_mode & 0o777, owner: status.st_uid, group: status.st_gid)
            default: throw ReplacementFile.Failure(description: "cannot write \(given): it is not a regular file, a FIFO or a character device")
            }
            if case .regular = kind, let resolved = realpath(given, nil) {
                path = String(cString: resolved)
                free(resolved)
            } else {
                path = given
            }
            return
        }
        guard errno == ENOENT else { throw ReplacementFile.failure(given, errno) }
        // A new name, or a link to one: the file is made where the links lead.
        var path = given
        for _ in 0...40 {
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else {
                self.path = path
                kind = .new
                return
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, Int(PATH_MAX))
            guard count > 0 else { throw ReplacementFile.failure(given, errno) }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            path = link.hasPrefix("/") ? link : FilePath.join(FilePath.split(path).folder, link)
        }
        throw ReplacementFile.failure(given, ELOOP)
    }

    /// Refuses to follow a link in a sticky, world-writable folder (/tmp)
    /// unless the link is the writer's or the folder owner's, as the kernel's
    /// protected_symlinks rule does: another user may have planted it there.
    private static func refuseForeignLinks(_ given: String) throws(ReplacementFile.Failure) {
        var path = given
        var link = stat()
        var folder = stat()
        for _ in 0...40 {
            guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else { return }
            let parent = FilePath.split(path).folder
            if stat(parent, &folder) == 0, folder.st_mode & (S_ISVTX | S_IWOTH) == (S_ISVTX | S_IWOTH),
               link.st_uid != geteuid(), link.st_uid != folder.st_uid {
                throw ReplacementFile.Failure(description:
                    "cannot write \(given): \(path) is a symbolic link of another user in a shared sticky folder; not following it")
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, Int(PATH_MAX))
            guard count > 0 else { return }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            path = target.hasPrefix("/") ? target : FilePath.join(parent, target)
        }
    }
}

/// Splitting and joining paths as text, without Foundation's path methods.
public enum FilePath {
    /// The folder (`.` when none) and the last component of a path.
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
