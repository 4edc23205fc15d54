import Foundation
import LeadEngine
import LeadStore

/// The text of `.schema` and `.check`: what the data holds and what in it
/// needs a look.
enum DataReports {
    /// Tables, columns, types, where each came from, and the derived fields.
    static func schema(_ session: Session) -> [String] {
        var lines = ["Data: \(session.dataDescription)"]
        let store = session.store
        let derived = Set(FollowUpIndex.derivedFieldNames)
        let touchFiles = store.summary.files.filter { $0.role == .touches }
        let counts = rowCounts(session)
        for (title, table, rows) in [("leads", store.leads, counts.leads), ("touches", store.touches, counts.touches)] {
            // Stacked touch files each name their own headers, listed per file below.
            let stacked = title == "touches" && touchFiles.count > 1
            lines.append("")
            lines.append("\(title) (\(Quantity.counted(rows, "row", "rows"))\(stacked ? " from \(touchFiles.count) files" : ""))")
            // response_business is counted from the hours set, not loaded: listed while hours are set.
            let business = title == "leads" && session.settings.hours != nil ? Vocabulary.businessFields : []
            let width = (table.columns.map(\.name.count) + business.map(\.count)).max() ?? 0
            for column in table.columns {
                let name = column.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let kind = column.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                let origin = title == "leads" && derived.contains(column.name)
                    ? "derived" : column.origin == column.name || stacked ? "" : "from \"\(column.origin)\""
                lines.append("  \(name)  \(kind)  \(origin)".trimmingTrailingSpaces())
            }
            for field in business {
                lines.append("  \(field.padding(toLength: width, withPad: " ", startingAt: 0))  \("duration".padding(toLength: 9, withPad: " ", startingAt: 0))  \(DataMessages.derivedFromHours)")
            }
            if stacked { lines += touchFiles.map(headerMapping) }
        }
        return lines
    }

    /// `  calls.csv: at from "Call Time", rep from "Agent"`: where one stacked file's fields came from.
    private static func headerMapping(_ file: LoadSummary.FileReport) -> String {
        let renamed = file.origins.filter { $0.field != $0.header }.map { "\($0.field) from \"\($0.header)\"" }
        let fields = renamed.isEmpty ? "every field under its own name" : renamed.joined(separator: ", ")
        return "  \(file.name): " + fields
    }

    /// Touches left out of follow-ups, and nulls per column.
    static func check(_ session: Session) -> [String] {
        let store = session.store
        let counts = store.followUps.counts
        let nulls = [("leads", store.leads), ("touches", store.touches)].map { title, table in
            (title: title, rows: table.rowCount, columns: table.columns.map { ($0.name, $0.data.nullCount) })
        }
        return checkLines(
            first: Array(store.stableSummaryLines.prefix(1)), store: store, counts: counts, duplicates: duplicateTouches(store),
            unknownLeadIDs: counts.unknownLead > 0 ? unknownLeadIDs(store, limit: 10) : [],
            leftOut: leftOutSample(store, limit: 10), nulls: nulls)
    }

    /// `.check`'s lines, whether memory or an engine counted them: `first`,
    /// the load's decisions, where the touches went, repeats, the first
    /// unknown lead ids, the sample of touches left out, nulls per column.
    static func checkLines(
        first: [String], store: LeadStore, counts: TouchCounts, duplicates: Int, unknownLeadIDs: [String], leftOut: [String],
        nulls: [(title: String, rows: Int, columns: [(name: String, nulls: Int)])]
    ) -> [String] {
        var lines = first
        lines += store.summary.decisions.map { "note: " + $0 }
        lines.append("Touches counted as follow-ups: \(Quantity.grouped(counts.followUps))")
        lines.append("Touches not counted as follow-ups:")
        lines.append("  \(Quantity.grouped(counts.beforeCreation)) stamped before their lead was created")
        lines.append("  \(Quantity.grouped(counts.inbound)) inbound")
        lines.append("  \(Quantity.grouped(counts.unknownLead)) for \(Quantity.counted(counts.unknownLeadIDs, "lead id that is", "lead ids that are")) not in the leads file")
        lines.append("  \(Quantity.grouped(counts.withoutLeadID)) with no lead id")
        for (value, count) in counts.unrecognizedDirections.sorted(by: { $0.key < $1.key }) {
            lines.append("  (\(Quantity.grouped(count)) with direction \"\(value)\" \(count == 1 ? "was" : "were") taken as outbound)")
        }
        lines.append("Touches repeated exactly (same lead, time and every other column): \(Quantity.grouped(duplicates))")
        if counts.unknownLead > 0 {
            lines.append("Unknown lead ids (first 10): " + unknownLeadIDs.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        lines += leftOut
        for table in nulls {
            lines.append("Nulls in \(table.title) (\(Quantity.counted(table.rows, "row", "rows"))):")
            for column in table.columns where column.nulls > 0 {
                let share = table.rows > 0 ? Double(column.nulls) / Double(table.rows) * 100 : 0
                lines.append("  \(column.name): \(Quantity.grouped(column.nulls)) (\(String(format: "%.1f", share))%)")
            }
        }
        return lines
    }

    /// Touches equal in every column to an earlier one. Touches are stored in
    /// order of lead and time, so only runs with the same lead and time compare.
    private static func duplicateTouches(_ store: LeadStore) -> Int {
        let touches = store.touches
        guard let at = touches.timestamps("at"), let ids = touches.text("lead_id") else { return 0 }
        var duplicates = 0
        var runStart = 0
        for row in 0..<touches.rowCount {
            if row == 0 || at[row] != at[row - 1] || ids.codes[row] != ids.codes[row - 1] {
                runStart = row
                continue
            }
            let repeated = (runStart..<row).contains { earlier in
                touches.columns.allSatisfy { $0.data.sameValue(row, earlier) }
            }
            if repeated { duplicates += 1 }
        }
        return duplicates
    }

    /// The first `limit` lead ids of touches that name no lead, in `idOrder`.
    private static func unknownLeadIDs(_ store: LeadStore, limit: Int) -> [String] {
        guard let ids = store.touches.text("lead_id") else { return [] }
        var seen = Set<UInt32>()
        for (row, lead) in store.followUps.touchLead.enumerated() where lead == FollowUpIndex.noLead {
            let code = ids.codes[row]
            if code != Null.textCode { seen.insert(code) }
        }
        return Array(idOrder(seen.map { ids.dictionary[$0] }).prefix(limit))
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
