import Foundation
import Testing

/// Every script in `examples/` run against the example data, compared with
/// its expected output byte for byte.
@Suite struct ExampleScriptTests {
    static let scripts: [String] = {
        let folder = LeadQProcess.root.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".lq") }.sorted()
    }()

    @Test func thereAreExamples() {
        #expect(!Self.scripts.isEmpty)
    }

    @Test(arguments: scripts)
    func script(name: String) throws {
        let expectedPath = LeadQProcess.root.appendingPathComponent("examples/" + name.dropLast(3) + ".out")
        let expected = try String(contentsOf: expectedPath, encoding: .utf8)
        // A script names its data with a `.open` line and runs as the README shows it: leadq examples/NAME.lq
        let result = try LeadQProcess.run(["examples/" + name])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(result.stdout == expected)
    }
}

/// Exit statuses and messages of the command line.
@Suite struct CommandLineTests {
    @Test func demoDataOpensWithoutArguments() throws {
        let result = try LeadQProcess.run(["-c", ".schema"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Data: demo data (4,000 leads generated in memory, seed 42)\n"))
    }

    @Test func missingFolderIsADataError() throws {
        let result = try LeadQProcess.run(["no/such/folder", "-c", ".schema"])
        #expect(result.status == 2)
        #expect(result.stderr == "no/such/folder: error: no such folder\n")
    }

    @Test func brokenCSVNamesFileLineAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-broken-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "lead_id,created_at\nL1,2026-01-01\nL2,2026-01-32\n".write(
            to: folder.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        let result = try LeadQProcess.run([folder.path, "-c", ".schema"])
        #expect(result.status == 2)
        #expect(result.stderr == "\(folder.path)/leads.csv:3:2: error: created_at \"2026-01-32\" is not a valid date: January 2026 has no day 32\n")
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try LeadQProcess.run(["--no-such-option"]).status == 2)
        #expect(try LeadQProcess.run(["--map", "nonsense"]).status == 2)
    }

    @Test func scriptErrorsNameTheLineAndStop() throws {
        let result = try LeadQProcess.run(["examples/data"], input: ".schema\n.frobnicate\n.check\n")
        #expect(result.status == 1)
        #expect(result.stderr == "<stdin>:2:1: error: unknown command .frobnicate; .help lists them\n")
        #expect(!result.stdout.contains("Touches not counted"))
    }

    @Test func unknownDotCommandGetsASuggestion() throws {
        let result = try LeadQProcess.run(["examples/data", "-c", ".schem"])
        #expect(result.status == 1)
        #expect(result.stderr == "-c:1:1: error: unknown command .schem; did you mean .schema?\n")
    }

    @Test func generatorWritesLoadableFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-gen-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try LeadQProcess.run(["gen", "--leads", "500", "--out", folder.path, "--seed", "3"])
        #expect(generated.status == 0)
        let opened = try LeadQProcess.run([folder.path, "-c", ".check"])
        #expect(opened.status == 0)
        #expect(opened.stdout.hasPrefix("Loaded 500 leads and "))
    }
}

/// Start-up files, exports and the other dot commands that touch files.
@Suite struct FileCommandTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-files-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    @Test func leadqrcRunsFirstAndAFailingLineStops() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let rc = folder.appendingPathComponent(".leadqrc")
        try "let smb = segment = \"SMB\"\n".write(to: rc, atomically: true, encoding: .utf8)
        let ok = try LeadQProcess.run(["examples/data", "-c", "leads where smb"], environment: ["HOME": folder.path])
        #expect(ok.stdout == "leads\n6\n")
        #expect(try LeadQProcess.run(["examples/data", "--no-init", "-c", "leads where smb"], environment: ["HOME": folder.path]).status == 1)
        try "set grace 1d\nrate by nothing\n".write(to: rc, atomically: true, encoding: .utf8)
        let failed = try LeadQProcess.run(["examples/data", "-c", "leads"], environment: ["HOME": folder.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("\(rc.path):2:9: error: unknown name \"nothing\""))
        #expect(failed.stdout == "")
    }

    @Test func exportsWriteWholeFilesInTheFormatTheirNameAsks() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("rate.csv").path, json = folder.appendingPathComponent("rate.json").path
        let md = folder.appendingPathComponent("rate.md").path
        let result = try LeadQProcess.run([
            "examples/data", "-c", "rate by segment | export \"\(csv)\"", "-c", ".export \(json)", "-c", ".once \(md)", "-c", "leads",
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "segment,rate\nEnterprise,0.6666666666666666\nMid-Market,0.6666666666666666\nSMB,0.6666666666666666\n")
        #expect(try String(contentsOfFile: json, encoding: .utf8).hasPrefix("[{\"segment\":\"Enterprise\",\"rate\":0.6666666666666666},"))
        #expect(try String(contentsOfFile: md, encoding: .utf8) == "| leads |\n|---:|\n| 12 |\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp.") }
        #expect(leftovers.isEmpty)
    }

    @Test func theTimerTimesTablesAndExportsOnStandardError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("rate.csv").path
        let result = try LeadQProcess.run([
            "examples/data", "--no-init", "-c", "leads", "-c", ".timer on", "-c", "rate by segment | export \"\(csv)\"", "-c", "leads",
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "leads\n12\nleads\n12\n")
        let times = result.stderr.split(separator: "\n")
        #expect(times.count == 2 && times.allSatisfy { $0.wholeMatch(of: /time: [0-9]+(\.[0-9]+)? ms/) != nil }, "\(result.stderr)")
    }

    @Test func exportIntoAMissingFolderFailsAndLeavesNothing() throws {
        let result = try LeadQProcess.run(["examples/data", "-c", "rate | export \"/nonexistent/folder/rate.csv\""])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write /nonexistent/folder/rate.csv: No such file or directory"))
    }

    @Test func readRunsAScriptAndStopsAtItsError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("part.lq")
        try "leads\nrat\nleads\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try LeadQProcess.run(["examples/data", "-c", ".read \(script.path)"])
        #expect(result.status == 1)
        #expect(result.stdout == "leads\n12\n")
        #expect(result.stderr.hasPrefix("\(script.path):2:1: error: unknown name \"rat\"; did you mean rate?"))
    }
}

/// Writing files when the disk says no: the old file stays, the error is reported.
@Suite struct WriteFaultTests {
    /// A folder nobody may write in, root included (`chattr +i`); where the file
    /// system has no such attribute the test has nothing to check and says so.
    @Test func aReadOnlyFolderLeavesTheOldExportIntact() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-readonly-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("rate.csv").path
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        func chattr(_ flag: String) -> Bool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["chattr", flag, folder.path]
            process.standardError = Pipe()
            guard (try? process.run()) != nil else { return false }
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
        defer {
            _ = chattr("-i")
            try? FileManager.default.removeItem(at: folder)
        }
        guard chattr("+i") else {
            print("aReadOnlyFolderLeavesTheOldExportIntact: chattr +i is not available here; nothing to check")
            return
        }
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", "rate by segment | export \"\(target)\""])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write \(target): Operation not permitted"), "\(result.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
    }

    @Test func aFileSizeLimitLeavesTheOldExportIntact() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-full-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("touches.csv").path
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -f 4; exec \"$0\" --no-init -c 'list touches | export \"\(target)\"'", LeadQProcess.binary.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("cannot write \(target): File too large"), "\(message)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp.") }
        #expect(leftovers.isEmpty)
    }
}

/// `--map` and `--const` after a `--touches FILE` apply to that file alone.
@Suite struct PerFileMappingTests {
    @Test func eachTouchFileTakesTheMapsWrittenAfterIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-maps-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let calls = folder.appendingPathComponent("calls.csv").path, meetings = folder.appendingPathComponent("meetings.csv").path
        try "lead_id,When\nL01,2026-01-05T10:00:00Z\n".write(toFile: calls, atomically: true, encoding: .utf8)
        try "lead_id,Start\nL02,2026-01-05T12:00:00Z\n".write(toFile: meetings, atomically: true, encoding: .utf8)
        let result = try LeadQProcess.run([
            "--leads", "examples/data/leads.csv",
            "--touches", calls, "--const", "channel=call", "--map", "at=When",
            "--touches", meetings, "--const", "channel=meeting", "--map", "at=Start",
            "--no-init", "-c", "touches by channel",
        ])
        #expect(result.stderr == "")
        #expect(result.stdout == "channel,touches\ncall,1\nmeeting,1\n")
    }
}
