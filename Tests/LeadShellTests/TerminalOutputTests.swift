import Foundation
import Testing

/// What reaches a terminal: control characters from the data show as
/// C-style escapes in every mode, in warnings, load errors and `.check`;
/// `.help` keeps its columns apart; Ctrl-D leaves on a new line.
@Suite(.serialized) struct TerminalOutputTests {
    let history = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-history-\(getpid())-\(UUID().uuidString)").path

    var environment: [String: String] {
        ["TERM": "xterm", "HOME": FileManager.default.temporaryDirectory.path, "NO_COLOR": "1", "LANG": "C.UTF-8", "LEADQ_HISTORY": history]
    }

    /// Raw sequences the data holds; none may reach the terminal as they are.
    static let raw = ["\u{1B}[2J", "\u{1B}]52;", "\u{9B}", "bell\u{07}", "\u{1B}[31m"]

    @Test func controlCharactersInDataShowAsEscapesOnATerminal() throws {
        let folder = try HostileData.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shell = try PseudoTerminal(arguments: [folder, "--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> "), "no prompt:\n\(shell.screen)")
        let start = shell.mark
        var mark = shell.mark
        shell.type("list leads lead_id, owner, note\r")
        #expect(shell.wait(for: "3 rows", after: mark), "no table:\n\(shell.screen[mark...])")
        for escaped in ["Eve\\e[2J", "clip\\e]52;c;QUFB\\x07", "Cy\\u{9B}x", "bell\\x07\\r", "│ two\\nlines"] {
            #expect(shell.screen[mark...].contains(escaped), "\(escaped) missing:\n\(shell.screen[mark...])")
        }
        // JSON writes its own escapes (`\u001b`); the other modes get C-style ones.
        for (mode, escaped) in [("csv", "Eve\\e[2J"), ("tsv", "Eve\\e[2J"), ("json", "Eve\\u001b[2J"), ("markdown", "Eve\\e[2J")] {
            mark = shell.mark
            shell.type(".mode \(mode)\rlist leads lead_id, owner, note\r")
            #expect(shell.wait(for: "L3", after: mark), "no \(mode) rows:\n\(shell.screen[mark...])")
            #expect(shell.wait(for: escaped, after: mark), "\(mode) not escaped:\n\(shell.screen[mark...])")
        }
        mark = shell.mark
        shell.type(".mode table\rleads where owner = \"Eve\"\r")
        #expect(shell.wait(for: "1 row", after: mark))
        #expect(shell.screen[mark...].contains("values that exist:"), "no warning:\n\(shell.screen[mark...])")
        #expect(shell.screen[mark...].contains("\"Eve\\e[2J\""))
        mark = shell.mark
        shell.type(".check\r")
        #expect(shell.wait(for: "Nulls in touches", after: mark))
        #expect(shell.screen[mark...].contains("\"X\\e[31m\""), "unknown id not escaped:\n\(shell.screen[mark...])")
        for sequence in Self.raw {
            #expect(!shell.screen[start...].contains(sequence), "\(sequence.debugDescription) reached the terminal")
        }
        #expect(shell.quit() == 0)

        let failing = try PseudoTerminal(arguments: ["--leads", folder + "/bad.csv", "--no-init"], environment: environment)
        #expect(failing.exitStatus() == 2)
        #expect(failing.screen.contains("bad\\e[2Jdate"), "load error not escaped:\n\(failing.screen)")
        #expect(!failing.screen.contains("\u{1B}[2J"))
    }

    @Test func filesAndPipesKeepTheBytes() throws {
        let folder = try HostileData.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try LeadQProcess.run([folder, "-c", "list leads lead_id, owner, note", "-c", "leads where owner = \"Eve\""])
        #expect(result.stdout.contains("Eve\u{1B}[2J"))
        #expect(result.stdout.contains("clip\u{1B}]52;c;QUFB\u{07}"))
        #expect(result.stdout.contains("\"two\nlines\""))
        #expect(result.stderr.contains("\"Eve\u{1B}[2J\""))
        let failing = try LeadQProcess.run(["--leads", folder + "/bad.csv"])
        #expect(failing.stderr.contains("bad\u{1B}[2Jdate"))
    }

    @Test func helpKeepsItsUsageColumnApartFromTheDescriptions() throws {
        let shell = try PseudoTerminal(arguments: ["examples/data", "--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> "))
        let mark = shell.mark
        shell.type(".help\r")
        #expect(shell.wait(for: ".quit", after: mark))
        #expect(shell.wait(for: "leadq> ", after: mark))
        let lines = shell.screen[mark...].components(separatedBy: "\r\n").filter { $0.hasPrefix("  .") }
        #expect(lines.count > 10)
        // Where the description starts: after the first run of two or more spaces past the indent.
        func descriptionColumn(_ line: String) -> Int {
            let characters = Array(line)
            var index = 2
            while index + 1 < characters.count, !(characters[index] == " " && characters[index + 1] == " ") { index += 1 }
            while index < characters.count, characters[index] == " " { index += 1 }
            return index
        }
        let starts = Set(lines.map(descriptionColumn))
        #expect(starts.count == 1, "descriptions do not start in one column:\n\(lines.joined(separator: "\n"))")
        #expect(shell.screen[mark...].contains(".help [kpis|language|periods|keys]  "))
        #expect(shell.quit() == 0)
    }

    @Test func ctrlDLeavesOnANewLine() throws {
        let shell = try PseudoTerminal(arguments: ["examples/data", "--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> "))
        shell.type("leads\r")
        #expect(shell.wait(for: "1 row"))
        let mark = shell.mark
        #expect(shell.quit() == 0)
        // What the terminal shows after the prompt (it may echo ^D) ends the line.
        #expect(shell.wait(for: "\n", after: mark, seconds: 2), "\(shell.screen[mark...].debugDescription)")
    }

    @Test func exportCountsRowsWithGroupedDigits() throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-wrote-\(getpid()).csv").path
        defer { try? FileManager.default.removeItem(atPath: target) }
        let shell = try PseudoTerminal(arguments: ["--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> ", seconds: 60))
        var mark = shell.mark
        shell.type("list touches | export \"\(target)\"\r")
        #expect(shell.wait(for: "wrote 41,066 rows to", after: mark), "\(shell.screen[mark...])")
        mark = shell.mark
        shell.type("list touches limit 1 | export \"\(target)\"\r")
        #expect(shell.wait(for: "wrote 1 row to", after: mark), "\(shell.screen[mark...])")
        #expect(shell.quit() == 0)
    }
}

/// A data folder whose values hold terminal escapes, a bell, a carriage
/// return, a C1 control and a line break; `bad.csv` fails to load on one.
enum HostileData {
    static func folder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-hostile-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try ("lead_id,created_at,owner,note\n"
            + "L1,2026-01-01T00:00:00Z,\"Eve\u{1B}[2J\",clip\u{1B}]52;c;QUFB\u{07}\n"
            + "L2,2026-01-02T00:00:00Z,Bob,\"two\nlines\"\n"
            + "L3,2026-01-03T00:00:00Z,Cy\u{9B}x,\"bell\u{07}\r\"\n").write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
        try ("lead_id,at,direction\nL1,2026-01-02T00:00:00Z,outbound\nX\u{1B}[31m,2026-01-02T00:00:00Z,outbound\n")
            .write(toFile: folder + "/touches.csv", atomically: true, encoding: .utf8)
        try "lead_id,created_at\nL1,bad\u{1B}[2Jdate\n".write(toFile: folder + "/bad.csv", atomically: true, encoding: .utf8)
        return folder
    }
}
