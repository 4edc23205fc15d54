import Foundation
import Testing

/// What a hostile user feeds the shell: a pipe that stays open, huge
/// statements, and values with line breaks or invisible bidi characters.
@Suite(.serialized) struct HostileShellInputTests {
    @Test func pipedStatementRunsBeforeThePipeCloses() throws {
        let process = Process()
        process.executableURL = LeadQProcess.binary
        process.arguments = ["examples/data", "--no-init"]
        process.currentDirectoryURL = LeadQProcess.root
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data("leads\n".utf8))
        let first = Received()
        let done = DispatchSemaphore(value: 0)
        let reader = stdout.fileHandleForReading
        DispatchQueue.global().async {
            first.set(reader.availableData)
            done.signal()
        }
        let seen = done.wait(timeout: .now() + 20) == .success
        try stdin.fileHandleForWriting.close()
        if !seen { _ = done.wait(timeout: .now() + 20) }
        process.waitUntilExit()
        #expect(seen, "no output while standard input stayed open")
        #expect(!first.data.isEmpty)
        #expect(process.terminationStatus == 0)
    }

    @Test func errorEchoOfAHugeStatementIsCutAroundTheCaret() throws {
        let chain = Array(repeating: "lead_id = \"x\"", count: 20_000).joined(separator: " or ")
        let statement = "leads where " + chain + " or no_such_field = 1"
        let result = try LeadQProcess.run(["examples/data", "--no-init"], input: statement + "\n")
        #expect(result.status == 1)
        #expect(result.stderr.utf8.count < 2_000, "\(result.stderr.utf8.count) bytes of error output")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let caretLine = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("^") })
        let echoed = Array(lines[caretLine - 1]), caret = Array(lines[caretLine])
        let column = try #require(caret.firstIndex(of: "^"))
        #expect(echoed.first { $0 == "…" } != nil)
        #expect(String(echoed[column...]).hasPrefix("no_such_field"), "caret not under the field:\n\(lines[caretLine - 1])\n\(lines[caretLine])")
    }

    @Test func lineBreaksAndBidiControlsShowAsEscapesOnATerminal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-bidi-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ("lead_id,created_at,owner\n"
            + "L1,2026-01-01T00:00:00Z,\"Ann\tTab\"\n"
            + "L2,2026-01-02T00:00:00Z,\"New\nLine\"\n"
            + "L3,2026-01-03T00:00:00Z,Mal\u{202E}lory\u{200B}\u{2066}\n").write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-history-\(getpid())-\(UUID().uuidString)").path
        let shell = try PseudoTerminal(arguments: [folder, "--no-init"], environment: [
            "TERM": "xterm", "HOME": FileManager.default.temporaryDirectory.path, "NO_COLOR": "1", "LANG": "C.UTF-8", "LEADQ_HISTORY": history,
        ])
        #expect(shell.wait(for: "leadq> "), "no prompt:\n\(shell.screen)")
        let mark = shell.mark
        shell.type("list leads lead_id, owner\r")
        #expect(shell.wait(for: "3 rows", after: mark), "no table:\n\(shell.screen[mark...])")
        shell.type("leads where owner = \"Zed\"\r")
        #expect(shell.wait(for: "values that exist:", after: mark), "no warning:\n\(shell.screen[mark...])")
        #expect(shell.wait(for: "\"New\\nLine\"", after: mark), "line break raw in the warning:\n\(shell.screen[mark...])")
        let screen = String(shell.screen[mark...])
        #expect(screen.contains("\"Ann\\tTab\""), "tab raw in the warning:\n\(screen)")
        #expect(screen.contains("Mal\\u{202E}lory\\u{200B}\\u{2066}"), "bidi controls raw:\n\(screen)")
        for raw in ["\u{202E}", "\u{200B}", "\u{2066}"] { #expect(!screen.unicodeScalars.contains(raw.unicodeScalars.first!)) }
        _ = shell.quit()
    }
}

private final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()
    var data: Data { lock.withLock { value } }
    func set(_ data: Data) { lock.withLock { value = data } }
}
