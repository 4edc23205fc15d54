import LeadEngine
import LeadQuery
import LeadStore

/// Compiles a bound statement to one SQL statement over the tables `leads`
/// and `touches` (SPEC §2's columns): the derived lead fields in common table
/// expressions, then the query. Values keep the in-memory engine's units
/// inside (durations and timestamps as epoch milliseconds, buckets as bucket
/// numbers, ratios as fractions); the outer select shows durations in hours,
/// buckets and timestamps as timestamps, as a CSV export does.
public enum SQLCompiler {
    /// The SQL text of a plan, in the plan's dialect.
    public static func compile(_ plan: SQLPlan) throws(Diagnostic) -> String {
        try compile(plan, dialect: Dialect.named(plan.dialect))
    }

    public static func compile(_ plan: SQLPlan, dialect: Dialect) throws(Diagnostic) -> String {
        if let zones = plan.leadZones, zones.count > SQLPlan.leadZoneLimit, plan.readsBusinessTime {
            throw Diagnostic(.error, SQLMessages.notCompiled(SQLMessages.tooManyLeadZones(SQLPlan.leadZoneLimit)),
                             at: SourceRange(start: 0, end: 0, line: 1, column: 1))
        }
        var writer = SQLWriter(dialect: dialect, plan: plan)
        var text = try writer.statement()
        // The latest-touch fields and next_due_at are written only where read.
        let latest = SQLWriter.latestFieldNames.filter { text.contains("l." + $0) }
        if !latest.isEmpty {
            writer.latest = Set(latest)
            text = try writer.statement()
        }
        // Lead fields neither the tables nor the common table expressions hold.
        let known = Set(plan.leadColumns).union(SQLWriter.derivedFields).union(latest).union([BusinessResponse.field])
        for range in text.ranges(of: "l.") {
            if range.lowerBound > text.startIndex {
                let before = text[text.index(before: range.lowerBound)]
                if before.isLetter || before.isNumber || before == "_" { continue }
            }
            let name = String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            if !name.isEmpty && !known.contains(name) {
                throw Diagnostic(.error, SQLMessages.notCompiled(name), at: SourceRange(start: 0, end: 0, line: 1, column: 1))
            }
        }
        return text
    }
}

/// The state of one compilation: the dialect and the tables' columns.
struct SQLWriter {
    let dialect: Dialect
    let plan: SQLPlan
    /// Which of `latestFieldNames` `lead_facts` writes.
    var latest: Set<String> = []

    func statement() throws(Diagnostic) -> String {
        switch plan.statement {
        case .query(let query): try self.query(query)
        case .list(let list): self.list(list)
        }
    }

    /// The derived lead fields `lead_facts` writes.
    static let derivedFields: Set<String> = [
        "followups", "first_followup_at", "first_channel", "first_rep", "response", "channels", "followups_to_convert",
    ]

    func hasLeadColumn(_ name: String) -> Bool { plan.leadColumns.contains(name) }
    func hasTouchColumn(_ name: String) -> Bool { plan.touchColumns.contains(name) }

    /// `WITH a AS (…), b AS (…)` then the final select, each part indented;
    /// the derived lead fields only as far as the statement reads them.
    func with(_ parts: [(name: String, body: String)], then final: String) -> String {
        guard !parts.isEmpty else { return final }
        let ctes = keepingDerivedFieldsUsed(parts, final: final).map { "\($0.name) AS (\n\(Self.indent($0.body))\n)" }
        return "WITH " + ctes.joined(separator: ",\n") + "\n" + final
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// A number as SQL writes it: whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
