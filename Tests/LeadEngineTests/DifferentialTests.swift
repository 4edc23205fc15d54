import Foundation
import LeadEngine
import LeadEngines
import LeadGen
import LeadQuery
import LeadSQL
import LeadStore
import Testing

/// The same statements in memory and on DuckDB: every statement of the
/// golden files and the example scripts, and random statements from the
/// reference generator on generated data. Counts and timestamps must agree
/// exactly, ratios, hours and other numbers within 1e-9, with the same rows
/// in the same order. Needs the `duckdb` program (`make test` installs it);
/// without it the suite says so and, unless LEADQ_ENGINES=required, skips.
@Suite(.serialized) struct DifferentialTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The PATH to find `duckdb` on: the build's own environment first.
    static var path: String {
        root.appendingPathComponent(".build-engines/venv/bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
    }

    static var required: Bool { ProcessInfo.processInfo.environment["LEADQ_ENGINES"] == "required" }

    /// A session on CSV files, and one whose executor is DuckDB over the same files.
    static func sessions(leads: String, touches: String) throws -> (memory: Session, duckdb: Session)? {
        let store = try LeadStore(leads: DataSource(path: leads), touches: [DataSource(path: touches)])
        let memory = Session(store: store, description: "memory")
        // The engine binds against the fields alone, as `--engine` does.
        var engine = Session(store: store.withoutRows(), description: "engine")
        do {
            engine.executor = try DuckDBExecutor(store: store, path: path)
        } catch {
            print("differential: \(error.message)")
            #expect(!required, "LEADQ_ENGINES=required but: \(error.message)")
            return nil
        }
        return (memory, engine)
    }

    @Test func goldenAndExampleStatementsAgree() throws {
        var compared = 0
        for part in try Self.corpus() {
            guard var pair = try Self.sessions(leads: part.folder + "/leads.csv", touches: part.folder + "/touches.csv") else { return }
            compared += try Self.compare(part.statements, &pair, context: part.context)
        }
        print("differential: compared \(compared) golden and example statements in memory and on DuckDB")
        #expect(compared >= 100)
    }

    /// The statements of each golden file and example script, with the folder of the data they run on.
    static func corpus() throws -> [(context: String, folder: String, statements: [String])] {
        var parts: [(context: String, folder: String, statements: [String])] = []
        let data = Self.root.appendingPathComponent("examples/data").path
        let golden = Self.root.appendingPathComponent("Tests/LeadEngineTests/Golden")
        for file in try FileManager.default.contentsOfDirectory(atPath: golden.path).filter({ $0.hasSuffix(".golden") }).sorted() {
            let text = try String(contentsOf: golden.appendingPathComponent(file), encoding: .utf8)
            let statements = text.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
            let folder = text.hasPrefix("# data: ") ? GoldenTests.dataFolder(text).path : data
            parts.append((file, folder, statements))
        }
        for script in try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("examples").path)
            .filter({ $0.hasSuffix(".lq") }).sorted() {
            let text = try String(contentsOf: Self.root.appendingPathComponent("examples/" + script), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let folder = lines.first { $0.hasPrefix(".open ") }.map { String($0.dropFirst(6)) } ?? "examples/data"
            let body = lines.map { $0.hasPrefix(".") ? "" : $0 }.joined(separator: "\n")
            parts.append((script, Self.root.appendingPathComponent(folder).path, StatementBoundary.split(body).map(\.text)))
        }
        return parts
    }

    @Test func randomStatementsAgree() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-differential-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try LeadGenerator(leadCount: 2500, seed: 11).write(to: folder.path)
        guard var pair = try Self.sessions(leads: folder.appendingPathComponent("leads.csv").path,
                                           touches: folder.appendingPathComponent("touches.csv").path) else { return }
        let statements = Self.randomStatements()
        let compared = try Self.compare(statements, &pair, context: "random")
        print("differential: compared \(compared) random statements in memory and on DuckDB")
        #expect(compared >= 500)
    }

    /// `let fast = …`, a pinned `now`, and 520 random queries from the
    /// reference generator (seed 11); a second source (seed 12) adds, to
    /// some of them, running totals and shares of the total, a comparison
    /// with the period before or a year earlier, and the cadence's fields.
    static func randomStatements() -> [String] {
        var statements = ["let fast = response <= 1h", "set now 2026-06-01T00:00:00Z"]
        var random = RandomSource(seed: 11)
        var extra = RandomSource(seed: 12)
        for _ in 0..<520 {
            let touchGrain = random.chance(0.3)
            let kpis = touchGrain ? ReferenceTests.touchKPIs : ReferenceTests.leadKPIs
            let kpi = kpis[random.below(kpis.count)]
            var query = kpi
            if Self.runnable.contains(kpi), extra.chance(0.2) { query += ", running(\(kpi))" }
            if extra.chance(0.15) { query += touchGrain ? ", of_total(touches), running(of_total(touches))" : ", of_total(count)" }
            if !touchGrain, extra.chance(0.15) { query += extra.chance(0.5) ? ", share(due)" : ", share(overdue)" }
            let filters = ReferenceTests.leadFilters.map(\.0) + (touchGrain ? ReferenceTests.touchFilters.map(\.0) : [])
            var filter = filters[random.below(filters.count)]
            if extra.chance(0.1) {
                let cadence = Self.cadenceFilters[extra.below(Self.cadenceFilters.count)]
                filter = filter.map { "(\($0)) and \(cadence)" } ?? cadence
            }
            if let filter { query += " where " + filter }
            let groups = ReferenceTests.groupChoices.filter { touchGrain || $0.lead != nil }
            var clause = groups[random.below(groups.count)].clause
            if !touchGrain, extra.chance(0.05) { clause = clause.map { $0 + ", due" } ?? "overdue" }
            if let clause { query += " by " + clause }
            if extra.chance(0.15) {
                let kind = extra.chance(0.5) ? "previous" : "last year"
                let timed = ["month", "quarter", "at.month"].contains { clause?.hasPrefix($0) == true }
                query += timed ? " vs \(kind)" : " during 2025-Q4 vs \(kind)"
            }
            statements.append(query)
        }
        // A year back over days, weeks and hours that cross 29 February 2024.
        statements += ["leads by day during 2025-02-20 to 2025-03-05 vs last year", "touches by week during 2025-02 vs last year",
                       "leads by hour during 2025-02-28 to 2025-03-02 vs last year", "leads, running(leads) by month vs last year"]
        return statements + localTimeStatements()
    }

    /// 120 random queries in local time (seed 16): a zone (with daylight-saving
    /// changes, a half-hour change, changes at midnight, fixed offsets),
    /// business hours and holidays every ten, a local `now`, time buckets,
    /// periods and business-time KPIs.
    static func localTimeStatements() -> [String] {
        let zones = ["America/New_York", "Europe/Berlin", "+05:30", "Australia/Lord_Howe", "America/Santiago", "Asia/Kathmandu", "UTC"]
        let groups = ["day", "week", "month", "hour_of_day", "weekday", "created_at.weekday, segment", "quarter", "first_followup_at.hour_of_day"]
        let touchGroups = ["at.hour_of_day", "at.weekday, channel", "at.day", "weekday"]
        let periods = ["", " during last 30 days", " during this month", " during yesterday", " during last 2 weeks", " during 2026-03-08", " during 2025-11"]
        let hours = ["Mon-Fri 09:00-17:00", "Mon-Thu 08:00-12:00 13:00-18:00, Fri 08:00-14:00", "Mon-Sun 00:00-24:00", "Sat-Sun 01:00-04:00, Wed 22:00-24:00"]
        let holidays = ["off", "2025-12-25, 2026-01-01", "2026-03-08, 2026-11-01, 2026-07-03"]
        let business = ["speed(business)", "speed(business, p90)", "speed(business, avg)", "within(1h, business)", "within(4h, business), speed"]
        var statements = ["set now 2026-06-15 12:00"]
        var random = RandomSource(seed: 16)
        for index in 0..<120 {
            if index % 10 == 0 {
                statements.append("set tz " + zones[random.below(zones.count)])
                statements.append("set hours " + hours[random.below(hours.count)])
                statements.append("set holidays " + holidays[random.below(holidays.count)])
            }
            let touchGrain = random.chance(0.3)
            let kpis = touchGrain ? ReferenceTests.touchKPIs : ReferenceTests.leadKPIs + business
            let choices = touchGrain ? touchGroups + ["weekday", "hour_of_day"] : groups
            statements.append(kpis[random.below(kpis.count)] + " by " + choices[random.below(choices.count)] + periods[random.below(periods.count)])
        }
        return statements + ["set tz UTC", "set hours off", "set holidays off"]
    }

    /// The KPIs that can run down the rows (counts and ratios).
    static let runnable: Set<String> = ["leads", "followed_up", "rate", "never", "within(1h)", "within(30min)", "qualified",
                                        "conversion", "touches_per_lead", "touches", "reply_rate"]

    /// Conditions on the follow-up cadence.
    static let cadenceFilters = ["due", "overdue", "not due", "next_due_at is not null", "next_due_at < 2026-05-01"]

    /// What the compiler still refuses by name: a statement the in-memory
    /// engine answers and the compiler refuses is a failure unless its error
    /// names one of these.
    static let stillRefused: [String] = []

    /// Runs each statement in both sessions; queries and lists are compared
    /// (all of a batch's DuckDB answers come from one process). A query or
    /// list the in-memory engine answers must compile, except for what
    /// `stillRefused` names. Returns how many were compared.
    static func compare(_ statements: [String], _ pair: inout (memory: Session, duckdb: Session), context: String, dialect: String = "duckdb") throws -> Int {
        var expected: [(String, ResultTable)] = []
        var plans: [SQLPlan] = []
        for statement in statements where !statement.contains("|") {
            let result = pair.memory.run(statement)
            let planned = pair.duckdb.run(statement + " | sql " + dialect)
            switch (result, planned) {
            case (.success(.table(let table, _)), .success(.sql(let plan))):
                do {
                    _ = try SQLCompiler.compile(plan)
                    expected.append((statement, table))
                    plans.append(plan)
                } catch where !stillRefused.contains(where: error.message.contains) {
                    Issue.record("\(context): \(statement): not compiled: \(error.message)")
                } catch {}
            case (.success(.table), .failure(let error)) where !stillRefused.contains(where: error.message.contains):
                Issue.record("\(context): \(statement): answered in memory, not planned for the engine: \(error.message)")
            default:
                _ = pair.duckdb.run(statement)
            }
        }
        let tables: [ResultTable]
        do {
            switch pair.duckdb.executor {
            case let executor as DuckDBExecutor: tables = try executor.tables(plans)
            case let executor as PostgresExecutor: tables = try executor.tables(plans)
            default: return 0
            }
        } catch {
            Issue.record("\(context): \(error.message)")
            return 0
        }
        for ((statement, want), have) in zip(expected, tables) {
            if let difference = difference(want, have) { Issue.record("\(context): \(statement): \(difference)") }
        }
        return tables.count
    }

    /// Where two results differ, or nil when they agree.
    static func difference(_ a: ResultTable, _ b: ResultTable) -> String? {
        guard a.columns.map(\.name) == b.columns.map(\.name) else { return "columns \(a.columns.map(\.name)) ≠ \(b.columns.map(\.name))" }
        guard a.rowCount == b.rowCount else { return "\(a.rowCount) rows in memory, \(b.rowCount) on the engine" }
        for (x, y) in zip(a.columns, b.columns) {
            guard x.kind == y.kind else { return "\(x.name): kind \(x.kind) ≠ \(y.kind)" }
            for row in 0..<a.rowCount {
                let same: Bool
                switch (x.cell(row), y.cell(row)) {
                case (.null, .null): same = true
                case (.text(let p), .text(let q)): same = p == q
                case (.int(let p), .int(let q)): same = p == q
                default:
                    guard let p = x.number(row), let q = y.number(row) else { same = false; break }
                    same = x.kind == .count || x.kind == .timestamp ? p == q : abs(p - q) <= 1e-9 * max(1, abs(p))
                }
                if !same { return "\(x.name) row \(row + 1): \(x.cell(row)) in memory, \(y.cell(row)) on the engine" }
                if x.bands?[row] != y.bands?[row] { return "\(x.name) row \(row + 1): band differs" }
            }
        }
        return nil
    }
}
