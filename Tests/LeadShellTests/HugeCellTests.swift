import Foundation
import Testing

/// A huge text value: the drawn table cuts its cell and says so; CSV keeps every character.
@Suite struct HugeCellTests {
    @Test func aHugeCellIsCutInTheTableButNotInCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-huge-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let huge = String(repeating: "x", count: 2_000_000)
        try ("lead_id,created_at,note\nL1,2026-01-01T00:00:00Z,\(huge)\nL2,2026-01-02T00:00:00Z,short\n")
            .write(toFile: folder + "/leads.csv", atomically: true, encoding: .utf8)
        try "lead_id,at,direction\nL1,2026-01-02T00:00:00Z,outbound\n".write(toFile: folder + "/touches.csv", atomically: true, encoding: .utf8)
        let table = try LeadQProcess.run([folder, "--format", "table", "-c", "list leads lead_id, note"])
        let row = try #require(table.stdout.split(separator: "\n").first { $0.contains("L1") })
        #expect(row.contains(String(repeating: "x", count: 999) + "…"))
        #expect(!row.contains(String(repeating: "x", count: 1_000)))
        #expect(table.stdout.contains("1 cell cut at 1,000 columns"))
        let csv = try LeadQProcess.run([folder, "--format", "csv", "-c", "list leads lead_id, note"])
        #expect(csv.stdout.contains(huge))
    }
}
