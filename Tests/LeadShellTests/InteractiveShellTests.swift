import Foundation
import Testing

/// The real interactive shell on a pseudo-terminal: a statement and its
/// table, Tab completion of a field and a value, Ctrl-C, Ctrl-D, and history
/// that survives a restart.
@Suite(.serialized) struct InteractiveShellTests {
    let history = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-history-\(getpid())-\(UUID().uuidString)").path

    var environment: [String: String] {
        ["TERM": "xterm", "HOME": FileManager.default.temporaryDirectory.path, "LEADQ_HISTORY": history, "NO_COLOR": "1", "LANG": "C.UTF-8"]
    }

    /// Ctrl-\ (SIGQUIT) at the prompt is ignored, as psql and sqlite3 do:
    /// no crash report, and the shell goes on.
    @Test func ctrlBackslashAtThePromptIsIgnored() throws {
        defer { try? FileManager.default.removeItem(atPath: history) }
        let shell = try PseudoTerminal(arguments: ["examples/data", "--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> "), "no prompt:\n\(shell.screen)")
        #if os(Linux)
        let status = (try? String(contentsOfFile: "/proc/\(shell.pid)/status", encoding: .utf8)) ?? ""
        // A SIGQUIT left blocked by the parent would never arrive, and the test would prove nothing.
        let blocked = status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") }.flatMap { UInt64($0.dropFirst(7).trimmingCharacters(in: .whitespaces), radix: 16) } ?? ~0
        #expect(blocked & (1 << UInt64(SIGQUIT - 1)) == 0, "SIGQUIT blocked at the prompt:\n\(status)")
        #endif
        let mark = shell.mark
        shell.type("\u{1C}")
        usleep(300_000)
        kill(shell.pid, SIGQUIT)
        usleep(300_000)
        shell.type("rate by segment\r")
        #expect(shell.wait(for: "3 rows", after: mark), "no table after Ctrl-\\:\n\(shell.screen)")
        #expect(!shell.screen[mark...].contains("crashed"), "\(shell.screen)")
        #expect(shell.quit() == 0)
    }

    @Test func statementsCompletionInterruptAndExit() throws {
        defer { try? FileManager.default.removeItem(atPath: history) }
        let shell = try PseudoTerminal(arguments: ["examples/data", "--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> "), "no prompt:\n\(shell.screen)")

        var mark = shell.mark
        shell.type("rate by segment\r")
        #expect(shell.wait(for: "3 rows", after: mark), "no table:\n\(shell.screen)")
        #expect(shell.screen[mark...].contains("│ Enterprise │"))

        mark = shell.mark
        shell.type("leads by seg\t\r")
        #expect(shell.wait(for: "3 rows", after: mark), "field not completed:\n\(shell.screen)")
        #expect(shell.screen[mark...].contains("│ segment    │ leads │"))

        mark = shell.mark
        shell.type("leads where owner = \"Ok\t\r")
        #expect(shell.wait(for: "1 row", after: mark), "value not completed:\n\(shell.screen)")
        #expect(shell.screen[mark...].contains("│     3 │"))
        #expect(!shell.screen[mark...].contains("warning"))

        mark = shell.mark
        shell.type("rate where\r")
        #expect(shell.wait(for: "...>", after: mark), "no continuation prompt:\n\(shell.screen)")
        shell.type("segment = \"SMB\"\r")
        #expect(shell.wait(for: "66.7%", after: mark))

        mark = shell.mark
        shell.type("never finished \u{3}")
        #expect(shell.wait(for: "leadq> ", after: mark), "Ctrl-C did not give a new prompt:\n\(shell.screen)")
        #expect(shell.isRunning)
        mark = shell.mark
        shell.type("leads\r")
        #expect(shell.wait(for: "│    12 │", after: mark), "the line was not cleared by Ctrl-C:\n\(shell.screen)")

        #expect(shell.quit() == 0)
    }

    @Test func historySurvivesARestart() throws {
        defer { try? FileManager.default.removeItem(atPath: history) }
        do {
            let first = try PseudoTerminal(arguments: ["examples/data", "--no-init"], environment: environment)
            #expect(first.wait(for: "leadq> "))
            first.type("leads by region\r")
            #expect(first.wait(for: "4 rows"))
            first.type("rate where\r  segment = \"SMB\"\r")
            #expect(first.wait(for: "66.7%"))
            #expect(first.quit() == 0)
        }
        let second = try PseudoTerminal(arguments: ["examples/data", "--no-init"], environment: environment)
        #expect(second.wait(for: "leadq> "))
        var mark = second.mark
        second.type(".history\r")
        #expect(second.wait(for: "2  rate where", after: mark), "history not kept:\n\(second.screen)")
        #expect(second.screen[mark...].contains("1  leads by region"))
        mark = second.mark
        second.type("\u{1B}[A\u{1B}[A\u{1B}[A")
        #expect(second.wait(for: "leads by region", after: mark), "up arrow did not recall:\n\(second.screen)")
        mark = second.mark
        second.type("\u{3}")
        #expect(second.wait(for: "leadq> ", after: mark))
        #expect(second.quit() == 0)
    }

    @Test func ctrlCStopsALongQueryAndTheShellLivesOn() throws {
        defer { try? FileManager.default.removeItem(atPath: history) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-long-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try LeadQProcess.run(["gen", "--leads", "150000", "--out", folder]).status == 0)
        let shell = try PseudoTerminal(arguments: [folder, "--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> ", seconds: 60), "no prompt:\n\(shell.screen)")
        var mark = shell.mark
        shell.type("distinct(outcome), touches, reply_rate by at.day, channel, rep\r")
        usleep(300_000)
        shell.type("\u{3}")
        #expect(shell.wait(for: "interrupted", after: mark, seconds: 30), "the query was not interrupted:\n\(shell.screen[mark...])")
        #expect(shell.isRunning)
        mark = shell.mark
        shell.type("leads\r")
        #expect(shell.wait(for: "150,000", after: mark))

        // Ctrl-C in the middle of a long export leaves the earlier file as it was.
        let target = folder + "/export.csv"
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        mark = shell.mark
        shell.type("list touches | export \"\(target)\"\r")
        usleep(1_500_000)
        shell.type("\u{3}")
        #expect(shell.wait(for: "interrupted", after: mark, seconds: 60), "the export was not interrupted:\n\(shell.screen[mark...])")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp.") }.isEmpty)

        // And while a list of every touch is being sorted.
        mark = shell.mark
        shell.type("list touches lead_id, rep order by rep desc, outcome, at desc\r")
        usleep(300_000)
        shell.type("\u{3}")
        #expect(shell.wait(for: "interrupted", after: mark, seconds: 30), "the list was not interrupted:\n\(shell.screen[mark...])")
        #expect(shell.isRunning)
        #expect(shell.quit() == 0, "Ctrl-D did not end the shell:\n\(shell.screen[mark...])")
    }

    @Test func anUnusableHistoryFileWarnsOnceAndTheShellGoesOn() throws {
        var env = environment
        env["LEADQ_HISTORY"] = "/proc/leadq-cannot-exist/history"
        let shell = try PseudoTerminal(arguments: ["examples/data", "--no-init"], environment: env)
        #expect(shell.wait(for: "leadq> "))
        shell.type("leads\r")
        #expect(shell.wait(for: "│    12 │"))
        let mark = shell.mark
        shell.type("rate\r")
        #expect(shell.wait(for: "66.7%", after: mark))
        let warnings = shell.screen.components(separatedBy: "cannot write the history file").count - 1
        #expect(warnings == 1, "\(shell.screen)")
        #expect(shell.quit() == 0)
    }

    @Test func aCorruptHistoryFileWarnsAndTheShellGoesOn() throws {
        defer { try? FileManager.default.removeItem(atPath: history) }
        try Data([0x00, 0xFF, 0x13, 0x37]).write(to: URL(fileURLWithPath: history))
        let shell = try PseudoTerminal(arguments: ["examples/data", "--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> "))
        #expect(shell.screen.contains("cannot read the history file"))
        shell.type("leads\r")
        #expect(shell.wait(for: "│    12 │"))
        #expect(shell.quit() == 0)
    }
}
