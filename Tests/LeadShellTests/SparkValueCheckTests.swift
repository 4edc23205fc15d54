import Foundation
import Testing

/// Spark checks every touch's direction before its first statement, as
/// DuckDB and PostgreSQL do at start: a word leadq does not know, past the
/// rows the start samples, stops the statement instead of counting as outbound.
@Suite struct SparkValueCheckTests {
    @Test func anUnknownDirectionPastTheSampleIsRefusedOnSpark() throws {
        guard SparkEngineTests.haveSpark else { return }
        // Past the megabyte an engine's start samples.
        let touches = (1...50_000).map { "L1,2026-03-02T10:\(String(format: "%02d", $0 % 60)):00Z,Outbound" } + ["L1,2026-03-03T10:00:00Z,dialed"]
        let folder = try DataFolder("spark-direction", leads: "lead_id,created_at\nL1,2026-03-01T10:00:00Z\n",
                                    touches: "lead_id,at,direction\n" + touches.joined(separator: "\n") + "\n")
        defer { folder.remove() }
        let spark = try LeadQProcess.run([folder.path, "--engine", "spark=local[1]", "-c", "touches", "-c", "leads"],
                                         environment: SparkEngineTests.environment)
        #expect(spark.status == 1)
        #expect(spark.stdout.isEmpty, "\(spark.stdout)")
        let message = "-c #1:1:1: error: \(folder.path)/touches.csv: direction holds \"dialed\", which is not inbound or outbound; --engine spark "
            + "knows only the usual words (leave out --engine, and declare it with --inbound WORD or --outbound WORD)"
        #expect(spark.stderr == message + "\n", "\(spark.stderr)")
    }
}
