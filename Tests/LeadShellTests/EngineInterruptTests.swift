import Foundation
import PostgresTestSupport
import Testing

/// Ctrl-C while an engine works: the statement stops with "interrupted", the
/// engine's program (and any program it started) is gone, and the shell goes
/// on. A stand-in `duckdb` on PATH answers the start at once and sleeps on
/// any statement that names "sleepy", writing the pid of its sleep first; on
/// PostgreSQL the leads query sleeps when the statement names "sleepy".
@Suite(.serialized) struct EngineInterruptTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-engine-interrupt-\(getpid())-\(UUID().uuidString)").path

    var environment: [String: String] {
        ["TERM": "xterm", "HOME": folder, "LEADQ_HISTORY": folder + "/history", "NO_COLOR": "1", "LANG": "C.UTF-8",
         "PATH": folder + ":/usr/bin:/bin"]
    }

    /// Writes the stand-in `duckdb`; the file its sleep's pid goes to.
    func slowDuckDB() throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pidFile = folder + "/sleep.pid"
        let script = """
            #!/bin/sh
            input=$(cat)
            case "$input" in
              *sleepy*) sleep 60 & echo $! > \(pidFile); wait ;;
            esac
            exit 0
            """
        let program = folder + "/duckdb"
        try script.write(toFile: program, atomically: true, encoding: .utf8)
        chmod(program, 0o755)
        return pidFile
    }

    /// Whether a process runs (a zombie waiting for its parent to reap it does not).
    static func alive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return kill(pid, 0) == 0 }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    @Test func ctrlCStopsADuckDBStatementAndItsProgram() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pidFile = try slowDuckDB()
        let shell = try PseudoTerminal(arguments: ["examples/data", "--no-init", "--engine", "duckdb"], environment: environment)
        #expect(shell.wait(for: "leadq> "), "no prompt:\n\(shell.screen)")
        var mark = shell.mark
        shell.type("list leads lead_id where owner = \"sleepy\"\r")
        var sleeper: pid_t = 0
        for _ in 0..<200 where sleeper == 0 {
            usleep(50_000)
            sleeper = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        }
        #expect(sleeper > 0, "the statement never reached duckdb:\n\(shell.screen)")
        shell.type("\u{3}")
        #expect(shell.wait(for: "interrupted", after: mark, seconds: 10), "the statement was not interrupted:\n\(shell.screen[mark...])")
        #expect(shell.wait(for: "leadq> ", after: mark))
        #expect(shell.isRunning)
        #expect(!shell.screen.contains("Fatal error"))
        usleep(200_000)
        if sleeper > 0 { #expect(!Self.alive(sleeper), "duckdb's child was left running") }
        if sleeper > 0 { kill(sleeper, SIGKILL) }
        mark = shell.mark
        shell.type(".mode csv\r")
        shell.type("list leads lead_id where owner = \"awake\"\r")
        #expect(shell.wait(for: "leadq> ", after: mark))
        #expect(shell.quit() == 0)
    }

    @Test func ctrlCCancelsAPostgresStatementOnTheServer() throws {
        let server = try PostgresServer()
        defer { server.stop() }
        try server.psql("CREATE TABLE leads (lead_id text, created_at timestamptz, owner text); INSERT INTO leads VALUES ('L1', '2026-01-01 10:00Z', 'Ana')")
        let slow = "select l.* from leads l, lateral (select case when current_query() like '%sle' || 'epy%' then pg_sleep(60)::text end) s"
        var environment = environment
        environment.merge(server.environment) { $1 }
        let shell = try PseudoTerminal(arguments: ["--db", "", "--leads-query", slow, "--engine", "postgres", "--no-init"], environment: environment)
        #expect(shell.wait(for: "leadq> ", seconds: 30), "no prompt:\n\(shell.screen)")
        var mark = shell.mark
        shell.type("leads where owner = \"sleepy\"\r")
        usleep(1_000_000)
        shell.type("\u{3}")
        #expect(shell.wait(for: "interrupted", after: mark, seconds: 10), "the statement was not interrupted:\n\(shell.screen[mark...])")
        #expect(shell.isRunning)
        let active = try server.psql("SELECT 'active=' || count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%sleepy%' AND pid <> pg_backend_pid()")
        #expect(active.contains("active=0"), "the query still runs on the server: \(active)")
        mark = shell.mark
        shell.type("leads\r")
        #expect(shell.wait(for: "1 row", after: mark, seconds: 20), "the shell did not go on:\n\(shell.screen[mark...])")
        #expect(shell.quit() == 0)
    }
}
