import Foundation
import LeadStore

/// Engines that read CSV files open them again on every statement, so each
/// must be a regular file: a pipe would hang the engine once it is drained,
/// and a device gives other bytes each time.
enum EngineFiles {
    /// Refuses a leads or touches file that is not a regular file.
    static func requireRegular(_ store: LeadStore, engine: String) throws(EngineError) {
        for file in store.summary.files where !file.generated && (file.role == .leads || file.role == .touches) {
            var info = stat()
            guard stat(file.name, &info) == 0 else { continue }
            if info.st_mode & S_IFMT != S_IFREG { throw EngineError(message: EngineMessages.notRegular(file.name, engine: engine)) }
        }
    }
}
