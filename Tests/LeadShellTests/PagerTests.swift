import Foundation
import Testing

/// `.last` through a real pager on a pseudo-terminal of 40 rows: the pager
/// runs in the terminal's foreground group, a pager that quits early is
/// normal, and "longer than the screen" is the terminal's own height.
@Suite(.serialized) struct PagerTests {
    func environment(pager: String?, lines: String? = nil) -> [String: String] {
        var environment = [
            "TERM": "xterm", "HOME": FileManager.default.temporaryDirectory.path, "NO_COLOR": "1", "LANG": "C.UTF-8",
            "PATH": "/usr/local/bin:/usr/bin:/bin", "LEADQ_HISTORY": FileManager.default.temporaryDirectory.appendingPathComponent("leadq-history-\(getpid())-pager").path,
        ]
        environment["PAGER"] = pager
        environment["LINES"] = lines
        return environment
    }

    @Test func lastPagesThroughLessAndQuitReturnsToThePrompt() throws {
        let shell = try PseudoTerminal(arguments: ["--no-init"], environment: environment(pager: nil))
        #expect(shell.wait(for: "leadq> ", seconds: 60), "no prompt:\n\(shell.screen)")
        var mark = shell.mark
        shell.type("list leads lead_id order by lead_id limit 200\r")
        #expect(shell.wait(for: "200 rows", after: mark))
        mark = shell.mark
        shell.type(".last\r")
        #expect(shell.wait(for: "│ L0000030", after: mark), "the page did not show:\n\(shell.screen[mark...])")
        mark = shell.mark
        shell.type("q")
        #expect(shell.wait(for: "leadq> ", after: mark), "q did not return to the prompt:\n\(shell.screen[mark...])")
        mark = shell.mark
        shell.type("leads\r")
        #expect(shell.wait(for: "4,000", after: mark), "the next statement did not run:\n\(shell.screen[mark...])")
        #expect(shell.quit() == 0)
    }

    @Test func aPagerThatQuitsEarlyIsNotAnError() throws {
        let shell = try PseudoTerminal(arguments: ["--no-init"], environment: environment(pager: "head -c 100"))
        #expect(shell.wait(for: "leadq> ", seconds: 60), "no prompt:\n\(shell.screen)")
        var mark = shell.mark
        shell.type("list touches limit 5000\r")
        #expect(shell.wait(for: "5,000 rows", after: mark))
        mark = shell.mark
        shell.type(".last\r")
        #expect(shell.wait(for: "leadq> ", after: mark), "no prompt after the pager:\n\(shell.screen[mark...])")
        #expect(shell.isRunning)
        mark = shell.mark
        shell.type("leads\r")
        #expect(shell.wait(for: "4,000", after: mark), "the next statement did not run:\n\(shell.screen[mark...])")
        #expect(shell.quit() == 0)
    }

    @Test func theScreenIsAsHighAsTheTerminalSays() throws {
        // The terminal has 40 rows; $LINES says otherwise and is not believed.
        let shell = try PseudoTerminal(arguments: ["--no-init"], environment: environment(pager: "echo PAGED", lines: "10"))
        #expect(shell.wait(for: "leadq> ", seconds: 60), "no prompt:\n\(shell.screen)")
        var mark = shell.mark
        shell.type("list leads lead_id limit 20\r")
        #expect(shell.wait(for: "20 rows", after: mark))
        mark = shell.mark
        shell.type(".last\r")
        #expect(shell.wait(for: "20 rows", after: mark), "a short result was not printed:\n\(shell.screen[mark...])")
        #expect(!shell.screen[mark...].contains("PAGED"))
        mark = shell.mark
        shell.type("list leads lead_id limit 60\r")
        #expect(shell.wait(for: "60 rows", after: mark))
        mark = shell.mark
        shell.type(".last\r")
        #expect(shell.wait(for: "PAGED", after: mark), "a long result was not paged:\n\(shell.screen[mark...])")
        #expect(shell.quit() == 0)
    }
}
