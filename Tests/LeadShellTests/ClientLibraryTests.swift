import Foundation
import Testing

/// libpq is opened only when PostgreSQL is used: a start on files or the demo
/// never loads it, and `--db` without a usable libpq is one clear line.
@Suite struct ClientLibraryTests {
    /// A folder whose `libpq.so.5` is not a library, first on the loader's path.
    static func brokenLibraryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-nolibpq-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("not a library\n".utf8).write(to: folder.appendingPathComponent("libpq.so.5"))
        return folder
    }

    @Test func theDemoAndFilesOpenWithoutLibpq() throws {
        let folder = try Self.brokenLibraryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["LD_LIBRARY_PATH": folder.path, "DYLD_LIBRARY_PATH": folder.path]
        let demo = try LeadQProcess.run(["--no-init", "-c", "leads"], environment: environment)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout == "leads\n4000\n", "\(demo.stdout)")
        let files = try LeadQProcess.run(["examples/data", "--no-init", "-c", "leads"], environment: environment)
        #expect(files.status == 0, "\(files.stderr)")
    }

    @Test func databaseWithoutLibpqSaysWhatToInstall() throws {
        #if os(Linux)
        let folder = try Self.brokenLibraryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LeadQProcess.run(
            ["--db", "host=/nonexistent dbname=leads", "--no-init", "-c", "leads"], environment: ["LD_LIBRARY_PATH": folder.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("libpq: error: cannot be opened ("), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("); PostgreSQL needs its client library: install libpq5 (Debian, Ubuntu) or libpq (Fedora, Homebrew)\n"), "\(result.stderr)")
        #endif
    }
}
