import Foundation
import LeadStore
import Testing

/// A mapped data file that shrinks or changes while its bytes are in use
/// reads as zeros where it lost pages and says it changed; it never kills
/// the process with SIGBUS, however long after mapping the bytes are read.
/// One test at a time: one of them holds every watch slot the process has.
@Suite(.serialized) struct ChangingFileTests {
    private func temporaryFile(_ label: String, bytes: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-\(label)-\(getpid()).csv").path
        var text = "lead_id,created_at\n"
        var row = 0
        while text.utf8.count < bytes {
            text += "L\(row),2026-01-01T00:00:00Z\n"
            row += 1
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    private func sum(_ file: FileBytes) -> Int {
        file.withUnsafeBytes { $0.reduce(0) { $0 + Int($1) } }
    }

    @Test func truncatedWhileMappedReadsZerosAndSaysChanged() throws {
        let path = try temporaryFile("truncated", bytes: 256 << 10)
        defer { unlink(path) }
        let file = try FileBytes(path: path)
        #expect(sum(file) > 0)
        #expect(!file.changed)
        #expect(truncate(path, 100) == 0)
        let tail = file.withUnsafeBytes { Array($0[(64 << 10)...]) }
        #expect(tail.allSatisfy { $0 == 0 }, "the lost pages read as zeros")
        _ = sum(file)
        #expect(file.changed)
        #expect(throws: LoadError(file: path, message: "changed while it was read (something wrote to it, truncated or replaced it); load it again once nothing is writing it")) {
            try file.reading { $0.count }
        }
    }

    @Test func shortenedWithinItsLastPageSaysChanged() throws {
        let path = try temporaryFile("shortened", bytes: 10_000)
        defer { unlink(path) }
        let file = try FileBytes(path: path)
        #expect(truncate(path, off_t(file.count - 10)) == 0)
        #expect(file.changed)
    }

    @Test func anUnchangedFileReadsAsItIs() throws {
        let path = try temporaryFile("unchanged", bytes: 100_000)
        defer { unlink(path) }
        let file = try FileBytes(path: path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(try file.reading { $0.count } == size)
        #expect(!file.changed)
        let store = try LeadStore(leads: DataSource(path: path), touches: [])
        #expect(store.leads.rowCount > 3_000)
    }

    /// More files than can be watched at once: those past the limit are read
    /// into memory instead, and keep what they read.
    @Test func manyFilesAtOnceAreWatchedOrRead() throws {
        let path = try temporaryFile("many", bytes: 64 << 10)
        defer { unlink(path) }
        let files = try (0..<300).map { _ in try FileBytes(path: path) }
        let original = sum(files[0])
        #expect(truncate(path, 10) == 0)
        let sums = files.map { sum($0) }
        let changed = files.map { $0.changed }
        #expect(changed.filter { $0 }.count >= 200)
        #expect(zip(sums, changed).allSatisfy { $0.1 || $0.0 == original })
    }
}

/// Inputs that never end, or lines that never do, stop with a clear error
/// instead of growing without bound.
@Suite struct InputBoundsTests {
    @Test func anEndlessDeviceIsRefused() {
        for device in ["/dev/zero", "/dev/urandom"] {
            #expect(throws: LoadError(file: device, message: "is a device, not a CSV file (leadq reads files, pipes such as /dev/stdin, and terminals)")) {
                _ = try LeadStore(leads: DataSource(path: device), touches: [])
            }
        }
    }

    @Test func aRowLongerThanOneGibibyteIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-long-row-\(getpid()).csv").path
        defer { unlink(path) }
        try "lead_id,created_at\nL1,2026-01-01\nL2,".write(toFile: path, atomically: false, encoding: .utf8)
        // A sparse file: the rest of row 3 is a hole that reads as zeros and takes no disk.
        #expect(truncate(path, off_t((1 << 30) + (4 << 20))) == 0)
        #expect(throws: LoadError(file: path, line: 3, message: "this row is longer than 1 GiB, the most leadq reads in one row; is this a CSV file?")) {
            _ = try LeadStore(leads: DataSource(path: path), touches: [])
        }
    }
}
