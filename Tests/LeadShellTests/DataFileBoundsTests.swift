import Foundation
import Testing

/// Data files that change while they load, never end, or come through a
/// pipe: a clear error and exit status 2, never a crash.
@Suite struct DataFileBoundsTests {
    private func leadsFile(_ label: String, bytes: Int) throws -> String {
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

    private let changed = "changed while it was read (something wrote to it, truncated or replaced it); load it again once nothing is writing it"

    @Test func leadsTruncatedWhileLoadingExitWithTwo() throws {
        let path = try leadsFile("truncated-leads", bytes: 12 << 20)
        defer { unlink(path) }
        let result = try LeadQProcess.run(
            ["--leads", path, "-c", "leads"], environment: ["LEADQ_TEST_TRUNCATE_AFTER_MAP": "100:" + path])
        #expect(result.status == 2)
        #expect(result.stderr == "\(path): error: \(changed)\n")
        #expect(result.stdout == "")
    }

    @Test func touchesTruncatedWhileLoadingExitWithTwo() throws {
        let leads = try leadsFile("truncated-touches-leads", bytes: 1_000)
        defer { unlink(leads) }
        let touches = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-truncated-touches-\(getpid()).csv").path
        defer { unlink(touches) }
        try ("lead_id,at\n" + String(repeating: "L1,2026-01-02T00:00:00Z\n", count: 20_000))
            .write(toFile: touches, atomically: false, encoding: .utf8)
        let result = try LeadQProcess.run(
            ["--leads", leads, "--touches", touches, "-c", "leads"],
            environment: ["LEADQ_TEST_TRUNCATE_AFTER_MAP": "5000:" + touches])
        #expect(result.status == 2)
        #expect(result.stderr == "\(touches): error: \(changed)\n")
    }

    @Test func theHookLeavesOtherFilesAlone() throws {
        let path = try leadsFile("untouched", bytes: 10_000)
        defer { unlink(path) }
        let result = try LeadQProcess.run(
            ["--leads", path, "-c", "leads"], environment: ["LEADQ_TEST_TRUNCATE_AFTER_MAP": "100:" + path + ".other"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("leads\n"))
    }

    @Test func anEndlessDeviceExitsWithTwo() throws {
        let result = try LeadQProcess.run(["--leads", "/dev/zero", "-c", "leads"])
        #expect(result.status == 2)
        #expect(result.stderr == "/dev/zero: error: is a device, not a CSV file (leadq reads files, pipes such as /dev/stdin, and terminals)\n")
    }

    @Test func aCSVThroughAPipeStillLoads() throws {
        let result = try LeadQProcess.run(
            ["--leads", "/dev/stdin", "-c", "leads"], input: "lead_id,created_at\nL1,2026-01-01\nL2,2026-01-02\n")
        // Leads alone load with the one warning that follow-up KPIs have no touches to measure.
        #expect(result.stderr == "warning: no touches loaded: follow-up KPIs (rate, speed, followups, …) are null; add touch files with --touches\n")
        #expect(result.status == 0)
        #expect(result.stdout == "leads\n2\n")
    }

    @Test func aPipeWithNoLineEndsStopsAtOneGibibyte() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "head -c 1200000000 /dev/zero | \"$0\" --leads /dev/stdin -c leads", LeadQProcess.binary.path]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(String(decoding: err, as: UTF8.self)
            == "/dev/stdin:1: error: this line is longer than 1 GiB, the most leadq reads in one line; is this a CSV file?\n")
    }
}
