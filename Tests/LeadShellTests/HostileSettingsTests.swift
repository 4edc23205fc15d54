import Foundation
import Testing

/// A setting named alone prints its value in scripts and `-c` too, while a
/// change stays silent there; a password typed in a connection string shows
/// in no message and is masked in the history file.
@Suite(.serialized) struct HostileSettingsTests {
    @Test func settingAloneShowsItsValueUnderDashC() throws {
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", "set tz Europe/Berlin", "-c", "set tz", "-c", "set hours",
                                           "-c", "set holidays 2026-12-25", "-c", "set holidays", "-c", "set now"])
        #expect(result.status == 0)
        #expect(result.stdout == "times are in Europe/Berlin\nno business hours are set: set hours Mon-Fri 09:00-17:00 sets them\n1 holiday: 2026-12-25\nnow follows the clock\n")
    }

    @Test func passwordIsMaskedInMessages() throws {
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", ".open postgresql://analyst:TypedSecret1@host/db"])
        #expect(result.status != 0)
        #expect(!result.stderr.contains("TypedSecret1"))
        #expect(result.stderr.contains("postgresql://analyst:***@host/db"))
    }

    /// A password ending in a colon, at the end of a connection string a
    /// message names: masked whole, and the colon after the place stays.
    @Test func aPasswordParameterBeforeTheMessageColonKeepsIt() throws {
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", ".open postgresql://x@host/db?password=pw2:"])
        #expect(!result.stderr.contains("pw2"), "\(result.stderr)")
        #expect(result.stderr.contains("postgresql://x@host/db?password=***: error: "), "\(result.stderr)")
    }

    /// A one-letter password is masked where the connection string spells it,
    /// not in every word of libpq's message ("***27.0.0.***" told its letters).
    @Test func aShortPasswordDoesNotGarbleTheMessage() throws {
        let result = try LeadQProcess.run(["--db", "postgresql://u:1@127.0.0.1:1/db", "--no-init", "--verbose", "-c", "leads"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("postgresql://u@127.0.0.1:1/db: error: cannot connect"), "\(result.stderr)")
        #expect(result.stderr.contains("\"127.0.0.1\", port 1 failed"), "\(result.stderr)")
    }

    @Test func passwordIsMaskedInTheHistoryFile() throws {
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-secret-history-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: history) }
        let environment = ["TERM": "xterm", "HOME": FileManager.default.temporaryDirectory.path, "LEADQ_HISTORY": history, "NO_COLOR": "1", "LANG": "C.UTF-8"]
        let shell = try PseudoTerminal(arguments: ["examples/data", "--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> "))
        let mark = shell.mark
        shell.type(".open postgresql://analyst:TypedSecret1@host/db\r")
        #expect(shell.wait(for: "analyst:***@host/db: error: no such folder", after: mark), "\(shell.screen)")
        #expect(shell.quit() == 0)
        let saved = (try? String(contentsOfFile: history, encoding: .utf8)) ?? ""
        #expect(!saved.contains("TypedSecret1"), "\(saved)")
        #expect(saved.contains("analyst:***@host"), "\(saved)")
    }

    @Test func schemaListsResponseBusinessWhileHoursAreSet() throws {
        let before = try LeadQProcess.run(["examples/data", "--no-init", "-c", ".schema"])
        #expect(!before.stdout.contains("response_business"))
        let result = try LeadQProcess.run(["examples/data", "--no-init", "-c", "set hours Mon-Fri 09:00-17:00", "-c", ".schema"])
        #expect(result.stdout.contains("\n  response_business     duration   derived from set hours\n"), "\(result.stdout)")
    }

    @Test func utf16LeadsFileSaysSo() throws {
        let folder = try BusinessHoursShellTests.folder("", "lead_id,at\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "lead_id,created_at\nA1,2026-01-01\n".data(using: .utf16)!.write(to: folder.appendingPathComponent("leads.csv"))
        let result = try LeadQProcess.run([folder.path, "--no-init", "-c", "leads"])
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("leads.csv:1: error: the file is UTF-16; save it as UTF-8 (in Excel: Save As, CSV UTF-8; or iconv -f UTF-16 -t UTF-8)\n"), "\(result.stderr)")
    }

    @Test func aNameThatCannotBeWrittenIsNotSuggested() throws {
        let folder = try BusinessHoursShellTests.folder("lead_id,created_at,1st\nA1,2026-01-01,x\n", "lead_id,at\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try LeadQProcess.run([folder.path, "--no-init", "-c", "count by fst"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("-c:1:10: error: unknown name \"fst\"\n") || !result.stderr.contains("did you mean 1st"), "\(result.stderr)")
        #expect(!result.stderr.contains("1st"), "\(result.stderr)")
    }
}
