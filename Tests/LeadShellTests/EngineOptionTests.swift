import Foundation
import Testing

/// `--engine duckdb`: the same answers as in memory, from the duckdb program
/// over the CSV files; what it cannot do is one line and exit status 2.
@Suite struct EngineOptionTests {
    /// PATH with the duckdb that `make test` installs.
    static let path = LeadQProcess.root.appendingPathComponent(".build-engines/venv/bin").path + ":/usr/bin:/bin"
    /// Whether duckdb is installed; when it is not and LEADQ_ENGINES=required, the asking test fails rather than passing unrun.
    static var haveDuckDB: Bool {
        engineInstalled(FileManager.default.isExecutableFile(atPath: LeadQProcess.root.appendingPathComponent(".build-engines/venv/bin/duckdb").path), "duckdb")
    }

    static func engineInstalled(_ have: Bool, _ name: String) -> Bool {
        if !have && ProcessInfo.processInfo.environment["LEADQ_ENGINES"] == "required" {
            Issue.record("\(name) is not installed under .build-engines, and LEADQ_ENGINES=required")
        }
        return have
    }

    @Test func duckdbAnswersAsMemoryDoes() throws {
        guard Self.haveDuckDB else { return }
        let statements = ["rate, speed, within(1h) by segment", "leads, conversion by month", "touches, reply_rate by channel order by touches desc",
                          "list leads lead_id, created_at, response where followups = 0"]
        let arguments = ["examples/data"] + statements.flatMap { ["-c", $0] }
        let memory = try LeadQProcess.run(arguments)
        let duckdb = try LeadQProcess.run(arguments + ["--engine", "duckdb"], environment: ["PATH": Self.path])
        #expect(duckdb.status == 0, "\(duckdb.stderr)")
        #expect(duckdb.stdout == memory.stdout)
    }

    /// Times without an offset read in the --tz zone: DuckDB's and PostgreSQL's
    /// views would read them as UTC, so the start is refused, before any engine runs;
    /// in UTC they are read alike and nothing is refused.
    @Test func wallClockTimesInAZoneAreRefusedOnAnEngine() throws {
        let folder = try DataFolder("wall", leads: "lead_id,created_at\nA,2026-03-01T23:30:00\n", touches: "lead_id,at\nA,2026-03-02T00:10:00\n")
        defer { folder.remove() }
        for engine in ["duckdb", "postgres"] {
            let result = try LeadQProcess.run([folder.path, "--tz", "Europe/Berlin", "--engine", engine, "-c", "leads by day"], environment: ["PATH": "/nonexistent"])
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("a timestamp without an offset read in Europe/Berlin (--tz; write its offset, or leave out --tz)"), "\(result.stderr)")
        }
        let utc = try LeadQProcess.run([folder.path, "--engine", "duckdb", "-c", "leads by day"], environment: ["PATH": "/nonexistent"])
        #expect(!utc.stderr.contains("without an offset"), "\(utc.stderr)")
    }

    /// A time without an offset after the rows sampled at start is found by
    /// the start's check over every row, not read as UTC.
    @Test func aWallClockTimePastTheSampleIsRefusedOnDuckDB() throws {
        guard Self.haveDuckDB else { return }
        // Past the megabyte an engine's start samples.
        let rows = (1...50_000).map { "L\($0),2026-03-01T10:00:00+01:00" } + ["late,2026-03-01T10:00:00"]
        let folder = try DataFolder("wall-late", leads: "lead_id,created_at\n" + rows.joined(separator: "\n") + "\n",
                                    touches: "lead_id,at\nL1,2026-03-02T00:10:00Z\n")
        defer { folder.remove() }
        let memory = try LeadQProcess.run([folder.path, "--tz", "Europe/Berlin", "-c", "leads"])
        #expect(memory.status == 0, "\(memory.stderr)")
        let duckdb = try LeadQProcess.run([folder.path, "--tz", "Europe/Berlin", "--engine", "duckdb", "-c", "leads"], environment: ["PATH": Self.path])
        #expect(duckdb.status == 2)
        #expect(duckdb.stdout.isEmpty)
        #expect(duckdb.stderr == "error: \(folder.path)/leads.csv: created_at holds \"2026-03-01T10:00:00\", a timestamp without an offset, "
            + "which --tz reads in Europe/Berlin; --engine duckdb reads such times only in UTC (write the offset, or leave out --tz or --engine)\n",
            "\(duckdb.stderr)")
        let utc = try LeadQProcess.run([folder.path, "--engine", "duckdb", "-c", "leads"], environment: ["PATH": Self.path])
        #expect(utc.status == 0, "\(utc.stderr)")
        #expect(utc.stdout.contains("50001"), "\(utc.stdout)")
    }

    /// A direction no word names, after the rows sampled at start: memory's
    /// load refuses it, and so does the engine's start, rather than count it as outbound.
    @Test func anUnknownDirectionPastTheSampleIsRefusedOnDuckDB() throws {
        guard Self.haveDuckDB else { return }
        // Past the megabyte an engine's start samples.
        let touches = (1...50_000).map { "L1,2026-03-02T10:\(String(format: "%02d", $0 % 60)):00Z,Outbound" } + ["L1,2026-03-03T10:00:00Z,dialed"]
        let folder = try DataFolder("direction", leads: "lead_id,created_at\nL1,2026-03-01T10:00:00Z\n",
                                    touches: "lead_id,at,direction\n" + touches.joined(separator: "\n") + "\n")
        defer { folder.remove() }
        let memory = try LeadQProcess.run([folder.path, "-c", "touches"])
        #expect(memory.status == 2)
        #expect(memory.stderr.contains("direction values leadq does not know: \"dialed\" (1 touch)"), "\(memory.stderr)")
        let duckdb = try LeadQProcess.run([folder.path, "--engine", "duckdb", "-c", "touches"], environment: ["PATH": Self.path])
        #expect(duckdb.status == 2)
        #expect(duckdb.stdout.isEmpty)
        #expect(duckdb.stderr == "error: \(folder.path)/touches.csv: direction holds \"dialed\", which is not inbound or outbound; --engine duckdb "
            + "knows only the usual words (leave out --engine, and declare it with --inbound WORD or --outbound WORD)\n", "\(duckdb.stderr)")
    }

    /// Leads without a touch file: DuckDB's touches are an empty table with
    /// the touch fields (it was a view of nothing, a syntax error at start).
    @Test func leadsWithoutTouchesAnswerOnDuckDB() throws {
        guard Self.haveDuckDB else { return }
        let statements = ["-c", "leads, rate, touches by segment", "-c", "list touches"]
        let memory = try LeadQProcess.run(["--leads", "examples/data/leads.csv", "--no-init"] + statements)
        let duckdb = try LeadQProcess.run(["--leads", "examples/data/leads.csv", "--no-init", "--engine", "duckdb"] + statements,
                                          environment: ["PATH": Self.path])
        #expect(memory.status == 0, "\(memory.stderr)")
        #expect(duckdb.status == 0, "\(duckdb.stderr)")
        #expect(duckdb.stdout == memory.stdout)
        #expect(duckdb.stdout.hasPrefix("segment,leads,rate,touches\nEnterprise,3,,\n"), "\(duckdb.stdout)")
    }

    /// A pipe as the leads file is read once at start; DuckDB would open it again and wait for ever.
    @Test func aPipeAsTheLeadsFileIsRefusedWithAnEngine() throws {
        guard Self.haveDuckDB else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-fifo-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pipe = folder + "/leads.csv"
        #expect(mkfifo(pipe, 0o600) == 0)
        let leads = try Data(contentsOf: LeadQProcess.root.appendingPathComponent("examples/data/leads.csv"))
        let writer = Thread {
            // Opening for writing waits for leadq to open the pipe for reading.
            guard let handle = FileHandle(forWritingAtPath: pipe) else { return }
            try? handle.write(contentsOf: leads)
            try? handle.close()
        }
        writer.start()
        let result = try LeadQProcess.run(["--leads", pipe, "--touches", "examples/data/touches.csv", "--engine", "duckdb", "-c", "rate"],
                                          environment: ["PATH": Self.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: \(pipe): --engine duckdb reads the file again on every statement, so it must be a regular file, "
            + "not a pipe or device (copy it to a file, or leave out --engine)\n", "\(result.stderr)")
        // Unblock the writer if leadq never opened the pipe.
        let reader = open(pipe, O_RDONLY | O_NONBLOCK)
        if reader >= 0 { close(reader) }
    }

    @Test func duckdbMissingFromPathIsOneLine() throws {
        let result = try LeadQProcess.run(["examples/data", "--engine", "duckdb", "-c", "rate"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: --engine duckdb needs the duckdb program on PATH: pip install duckdb-cli (make installs it under .build-engines/venv/bin)\n")
    }

    @Test func anUnknownEngineAndTheDemoAreRefused() throws {
        let unknown = try LeadQProcess.run(["examples/data", "--engine", "oracle", "-c", "rate"], environment: ["PATH": Self.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown engine \"oracle\""), "\(unknown.stderr)")
        guard Self.haveDuckDB else { return }
        let demo = try LeadQProcess.run(["--engine", "duckdb", "-c", "rate"], environment: ["PATH": Self.path])
        #expect(demo.status == 2)
        #expect(demo.stderr.contains("reads CSV files"), "\(demo.stderr)")
    }

    @Test func crmDateFormsAreLeftToMemory() throws {
        guard Self.haveDuckDB else { return }
        let folder = try DataFolder("engine", leads: "lead_id,created_at\nA,3/15/2026 9:00 AM\n", touches: "lead_id,at\nA,3/15/2026 10:00 AM\n")
        defer { folder.remove() }
        let memory = try LeadQProcess.run([folder.path, "-c", "rate"])
        #expect(memory.status == 0, "\(memory.stderr)")
        let duckdb = try LeadQProcess.run([folder.path, "--engine", "duckdb", "-c", "rate"], environment: ["PATH": Self.path])
        #expect(duckdb.status == 2)
        #expect(duckdb.stderr.contains("created_at holds \"3/15/2026 9:00 AM\", which is not an ISO 8601 timestamp"), "\(duckdb.stderr)")
        #expect(duckdb.stderr.split(separator: "\n").count == 1)
    }
}
