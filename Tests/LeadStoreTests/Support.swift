import Foundation
import LeadStore
import Testing

/// Loads leads (and touches) written inline in a test.
func load(
    leads: String, touches: String? = nil, leadMaps: [FieldMapping] = [], touchMaps: [FieldMapping] = []
) throws(LoadError) -> LeadStore {
    try LeadStore(
        leads: DataSource(file: FileBytes(name: "leads.csv", bytes: Array(leads.utf8)), mappings: leadMaps),
        touches: touches.map { [DataSource(file: FileBytes(name: "touches.csv", bytes: Array($0.utf8)), mappings: touchMaps)] } ?? [])
}

/// The error a load gives, as the analyst reads it; nil when it loads.
func loadError(leads: String, touches: String? = nil, leadMaps: [FieldMapping] = [], touchMaps: [FieldMapping] = []) -> String? {
    do {
        _ = try load(leads: leads, touches: touches, leadMaps: leadMaps, touchMaps: touchMaps)
        return nil
    } catch {
        return error.description
    }
}

/// Every value of a column, written out plainly (nil for null).
func values(_ table: Table, _ name: String) -> [String?] {
    guard let column = table[name] else { return [] }
    return (0..<table.rowCount).map { column.data.renderedValue($0) }
}

/// Seconds since the epoch for an ISO 8601 literal the test trusts.
func epoch(_ text: String) -> Int64 {
    TimestampParser.parse(text)!
}

/// The folder of the hand-made example data.
let examplesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples/data").path

let minimalLeads = "lead_id,created_at\nL1,2026-01-01T00:00:00Z\n"
