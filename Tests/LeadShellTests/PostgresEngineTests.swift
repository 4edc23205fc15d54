import Foundation
import PostgresTestSupport
import Testing

/// `--engine postgres`: statements run in the database the data comes from,
/// with the in-memory engine's answers whatever the server's time zone; what
/// it cannot do is one line and exit status 2.
@Suite(.serialized)
struct PostgresEngineTests {
    private func withServer(_ body: (PostgresServer) throws -> Void) throws {
        let server = try PostgresServer(settings: ["timezone=America/Los_Angeles"])
        defer { server.stop() }
        try body(server)
    }

    static let exampleTables = """
        CREATE TABLE leads (lead_id text PRIMARY KEY, created_at timestamptz, segment text, source text, owner text,
          region text, qualified_at timestamptz, converted_at timestamptz, deal_size numeric);
        CREATE TABLE touches (touch_id text, lead_id text, at timestamptz, channel text, rep text, direction text, outcome text);
        """

    static func loadExamples(_ server: PostgresServer) throws {
        let data = LeadQProcess.root.appendingPathComponent("examples/data").path
        try server.psql(exampleTables)
        try server.psql("COPY leads FROM '\(data)/leads.csv' WITH (FORMAT csv, HEADER true)")
        try server.psql("COPY touches FROM '\(data)/touches.csv' WITH (FORMAT csv, HEADER true)")
    }

    @Test func postgresAnswersAsMemoryDoesInAnyServerZone() throws {
        try withServer { server in
            try Self.loadExamples(server)
            let statements = ["rate, speed, within(1h) by segment", "leads, conversion by month", "touches, reply_rate by channel order by touches desc",
                              "list leads lead_id, created_at, response where followups = 0", "median(deal_size), p(response, 90) by week",
                              "leads by converted_at.month", "rate by owner | chart"]
            for format in ["csv", "table", "json"] {
                let arguments = statements.flatMap { ["-c", $0] } + ["--format", format]
                let memory = try LeadQProcess.run(["examples/data"] + arguments)
                let postgres = try LeadQProcess.run(["--db", "", "--engine", "postgres"] + arguments, environment: server.environment)
                #expect(memory.status == 0, "\(memory.stderr)")
                #expect(postgres.status == 0, "\(postgres.stderr)")
                #expect(postgres.stdout == memory.stdout, "\(format)")
            }
        }
    }

    @Test func localTimeAndBusinessHoursAnswerAsMemoryDoesInAnyServerZone() throws {
        try withServer { server in
            try Self.loadExamples(server)
            let statements = ["set tz America/New_York", "set now 2026-03-09 08:00", "leads by day during last 10 days", "touches by hour_of_day",
                              "leads, rate by weekday", "touches by week", "set hours Mon-Fri 09:00-17:00", "set holidays 2026-01-08",
                              "speed(business), within(1h, business) by owner", "list leads lead_id, created_at, response_business",
                              "set tz +05:30", "leads by day, hour_of_day", "speed(business, p90) by month"]
            let arguments = statements.flatMap { ["-c", $0] } + ["--format", "csv"]
            let memory = try LeadQProcess.run(["examples/data"] + arguments)
            let postgres = try LeadQProcess.run(["--db", "", "--engine", "postgres"] + arguments, environment: server.environment)
            #expect(memory.status == 0, "\(memory.stderr)")
            #expect(postgres.status == 0, "\(postgres.stderr)")
            #expect(postgres.stdout == memory.stdout)
        }
    }

    /// A time without an offset after the first 1,000 rows, with --tz in
    /// another zone, is found by the start's check, not read as UTC.
    @Test func aWallClockTimePastTheSampleIsRefused() throws {
        try withServer { server in
            try server.psql("""
                CREATE TABLE leads (lead_id text, created_at text);
                CREATE TABLE touches (lead_id text, at timestamptz);
                INSERT INTO leads SELECT 'L' || n, '2026-03-01T10:00:00+01:00' FROM generate_series(1, 1100) AS n;
                INSERT INTO leads VALUES ('late', '2026-03-01 10:00:00');
                """)
            let memory = try LeadQProcess.run(["--db", "", "--tz", "Europe/Berlin", "-c", "leads"], environment: server.environment)
            #expect(memory.status == 0, "\(memory.stderr)")
            let engine = try LeadQProcess.run(["--db", "", "--tz", "Europe/Berlin", "--engine", "postgres", "-c", "leads"], environment: server.environment)
            #expect(engine.status == 2)
            #expect(engine.stdout.isEmpty)
            #expect(engine.stderr == "error: created_at holds \"2026-03-01 10:00:00\", a timestamp without an offset, which --tz reads in "
                + "Europe/Berlin; --engine postgres reads such times only in UTC (write the offset, or leave out --tz or --engine)\n",
                "\(engine.stderr)")
            let utc = try LeadQProcess.run(["--db", "", "--engine", "postgres", "-c", "leads"], environment: server.environment)
            #expect(utc.status == 0, "\(utc.stderr)")
            // A direction no word names, past the first 1,000 rows: refused as memory's load refuses it.
            try server.psql("""
                DROP TABLE touches;
                CREATE TABLE touches (lead_id text, at timestamptz, direction text);
                INSERT INTO touches SELECT 'L1', '2026-03-02T10:00:00Z', 'outbound' FROM generate_series(1, 1100);
                INSERT INTO touches VALUES ('L1', '2026-03-03T10:00:00Z', 'dialed');
                """)
            let direction = try LeadQProcess.run(["--db", "", "--engine", "postgres", "-c", "touches"], environment: server.environment)
            #expect(direction.status == 2)
            #expect(direction.stderr == "error: direction holds \"dialed\", which is not inbound or outbound; --engine postgres "
                + "knows only the usual words (leave out --engine, and declare it with --inbound WORD or --outbound WORD)\n", "\(direction.stderr)")
        }
    }

    @Test func theEngineNeedsADatabaseAndISOTimestamps() throws {
        let files = try LeadQProcess.run(["examples/data", "--engine", "postgres", "-c", "rate"])
        #expect(files.status == 2)
        #expect(files.stderr == "error: --engine postgres runs statements in the database: give --db with it\n")
        try withServer { server in
            try server.psql("""
                CREATE TABLE leads (lead_id text, created_at text);
                CREATE TABLE touches (lead_id text, at timestamptz);
                INSERT INTO leads VALUES ('A', '2026-03-15 09:00:00+00'), ('B', '3/15/2026 9:00 AM');
                """)
            let memory = try LeadQProcess.run(["--db", "", "-c", "leads"], environment: server.environment)
            #expect(memory.status == 0, "\(memory.stderr)")
            let engine = try LeadQProcess.run(["--db", "", "--engine", "postgres", "-c", "leads"], environment: server.environment)
            #expect(engine.status == 2)
            #expect(engine.stdout.isEmpty)
            #expect(engine.stderr.contains("created_at holds \"3/15/2026 9:00 AM\", which is not an ISO 8601 timestamp"), "\(engine.stderr)")
            #expect(engine.stderr.split(separator: "\n").count == 1, "\(engine.stderr)")
            // A timestamptz column is read as it is, but an infinite time is no more a time there than in memory.
            try server.psql("""
                DELETE FROM leads WHERE lead_id = 'B';
                INSERT INTO touches SELECT 'A', '2026-03-15 10:00:00+00' FROM generate_series(1, 1100);
                INSERT INTO touches VALUES ('A', 'infinity');
                """)
            let infinite = try LeadQProcess.run(["--db", "", "--engine", "postgres", "-c", "touches"], environment: server.environment)
            #expect(infinite.status == 2)
            #expect(infinite.stderr.contains("at holds \"infinity\", which is not an ISO 8601 timestamp"), "\(infinite.stderr)")
            try server.psql("DELETE FROM touches WHERE at = 'infinity'")
            let typed = try LeadQProcess.run(["--db", "", "--engine", "postgres", "-c", "touches, speed"], environment: server.environment)
            #expect(typed.status == 0, "\(typed.stderr)")
            #expect(typed.stdout == "touches,speed\n1100,1\n", "\(typed.stdout)")
        }
    }
}
