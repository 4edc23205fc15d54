import Foundation
import LeadStore

/// Writes a file so that it is either entirely new or untouched, through a
/// `ReplacementFile`: the bytes go to a temporary file beside the target,
/// which a terminating signal removes, and which is renamed into place only
/// when every byte was written.
enum AtomicFile {
    typealias Failure = ReplacementFile.Failure

    /// Writes what `produce` hands its sink, chunk by chunk, then renames the file
    /// into place; when `shouldStop` answers true between chunks, nothing is renamed.
    static func write(to path: String, shouldStop: @escaping () -> Bool = { false }, _ produce: ((String) -> Void) -> Void) throws(Failure) {
        var slot: Int?
        defer { if let slot { PendingFiles.remove(slot) } }
        let file = try ReplacementFile(replacing: path) { temporary, made in
            if made { slot = PendingFiles.add(temporary) } else if let taken = slot { PendingFiles.remove(taken); slot = nil }
        }
        var failure: String?
        produce { chunk in
            guard failure == nil else { return }
            if shouldStop() {
                failure = "interrupted"
                return
            }
            if let code = writeAll(chunk, to: file.descriptor) { failure = String(cString: strerror(code)) }
        }
        if let failure {
            file.discard()
            throw Failure(description: "cannot write \(path): \(failure)")
        }
        try file.commit(name: path)
    }
}
