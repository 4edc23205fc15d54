import Foundation

/// A scratch folder holding a `leads.csv` and a `touches.csv`, for a test
/// that runs leadq on data it writes itself; `remove()` when done.
struct DataFolder {
    let url: URL
    var path: String { url.path }

    init(_ name: String, leads: String, touches: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-\(name)-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try leads.write(to: url.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try touches.write(to: url.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
