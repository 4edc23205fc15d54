import Foundation
import LeadEngine
import LeadEngines
import LeadQuery
import LeadSQL
import LeadStore
import Testing

/// The same statements in memory and on Spark (`local[2]`), all in one Spark
/// session: the six benchmark questions and a spread of the golden files'
/// statements on the example data. Counts and timestamps must agree exactly,
/// ratios, hours and other numbers within 1e-9, with the same rows in the same
/// order. Needs pyspark and Java (`make test` installs pyspark); without them
/// the suite says so and, unless LEADQ_ENGINES=required, skips.
@Suite(.serialized) struct SparkDifferentialTests {
    static let root = DifferentialTests.root

    /// The benchmark's six questions, as `bench/queries.py` writes them.
    static func benchQuestions() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("bench/queries.py"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("(\"Q"), let comma = trimmed.firstIndex(of: ",") else { return nil }
            let rest = trimmed[trimmed.index(after: comma)...].drop { $0 == " " }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            return String(rest.dropFirst().prefix { $0 != quote })
        }
    }

    /// Each golden file's statements, in order.
    static func goldenFiles() throws -> [(String, [String])] {
        let golden = root.appendingPathComponent("Tests/LeadEngineTests/Golden")
        return try FileManager.default.contentsOfDirectory(atPath: golden.path).filter { $0.hasSuffix(".golden") }.sorted().map { file in
            let text = try String(contentsOf: golden.appendingPathComponent(file), encoding: .utf8)
            return (file, text.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) })
        }
    }

    /// Running totals, comparisons and the cadence's fields, each form once;
    /// empty buckets filled from one reading of the groups (a null bucket,
    /// two other keys, `having`, a measure that stays null).
    static let cohortStatements = [
        "leads, speed by converted_at.week, segment, owner",
        "touches by at.day, rep having touches > 1",
        "touches by at.hour, channel, outcome",
        "speed(p90), conversion by qualified_at.month",
        "set now 2026-03-16T09:00:00Z",
        "of_total(count), running(of_total(count)) by followups_to_convert where converted_at is not null",
        "touches by day during 2026-02-27 to 2026-03-02 vs last year",
        "leads, rate by owner during last 2 months vs previous",
        "list leads lead_id, next_due_at, last_touch_at where due order by next_due_at",
    ]

    @Test func benchAndGoldenStatementsAgreeInOneSparkSession() throws {
        let data = Self.root.appendingPathComponent("examples/data").path
        let store = try LeadStore(leads: DataSource(path: data + "/leads.csv"), touches: [DataSource(path: data + "/touches.csv")])
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = DifferentialTests.path
        let executor: SparkExecutor
        do throws(EngineError) {
            executor = try SparkExecutor(store: store, master: "local[2]", environment: environment)
        } catch {
            print("differential: \(error.message)")
            #expect(!DifferentialTests.required, "LEADQ_ENGINES=required but: \(error.message)")
            return
        }
        var expected: [(String, ResultTable)] = []
        var plans: [SQLPlan] = []
        func take(_ statements: [String], every stride: Int, context: String) {
            var memory = Session(store: store, description: "memory")
            var spark = memory
            var queries = 0
            for statement in statements where !statement.contains("|") {
                let planned = spark.run(statement + " | sql spark")
                guard case .success(.sql(let plan)) = planned else {
                    _ = memory.run(statement)
                    _ = spark.run(statement)
                    continue
                }
                queries += 1
                guard queries % stride == 0, case .success(.table(let table, _)) = memory.run(statement) else { continue }
                do {
                    _ = try SQLCompiler.compile(plan)
                    expected.append(("\(context): \(statement)", table))
                    plans.append(plan)
                } catch where !DifferentialTests.stillRefused.contains(where: error.message.contains) {
                    Issue.record("\(context): \(statement): not compiled: \(error.message)")
                } catch {}
            }
        }
        take(try Self.benchQuestions(), every: 1, context: "bench")
        #expect(plans.count == 6, "the six bench questions compile for Spark")
        for (file, statements) in try Self.goldenFiles() { take(statements, every: 3, context: file) }
        take(Self.cohortStatements, every: 1, context: "cohorts")
        let tables: [ResultTable]
        do { tables = try executor.tables(plans) } catch {
            Issue.record("spark: \(error.message)")
            return
        }
        for ((statement, want), have) in zip(expected, tables) {
            if let difference = DifferentialTests.difference(want, have) { Issue.record("\(statement): \(difference)") }
        }
        print("differential: compared \(tables.count) statements in memory and on Spark (6 bench questions, \(tables.count - 6) golden and cohort), in one Spark session")
        #expect(tables.count >= 46)
    }
}
