import Foundation

/// Writes a file so that it is either entirely new or untouched: the bytes go
/// to a temporary file in the same folder, which is then renamed over the target.
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes what `produce` hands its sink, chunk by chunk, then renames the file
    /// into place; when `shouldStop` answers true between chunks, nothing is renamed.
    static func write(to path: String, shouldStop: @escaping () -> Bool = { false }, _ produce: ((String) -> Void) -> Void) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        let temporary = (directory as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).tmp.\(getpid())")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        var failure: String?
        produce { chunk in
            guard failure == nil else { return }
            if shouldStop() {
                failure = "interrupted"
                return
            }
            if let code = writeAll(chunk, to: descriptor) { failure = String(cString: strerror(code)) }
        }
        if failure == nil && (fsync(descriptor) != 0 || close(descriptor) != 0) {
            failure = String(cString: strerror(errno))
        } else if failure != nil {
            close(descriptor)
        }
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(failure)")
        }
    }
}
