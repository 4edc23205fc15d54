import LeadEngine
import LeadQuery
import LeadStore

/// `list`: the rows of `lead_facts` (leads with their derived fields) or of
/// the touches (those of no known lead read every lead field as null),
/// filtered, ordered (nulls last, text by bytes) and limited. Without
/// `order by`, leads come in `lead_id` order and touches by lead, then time,
/// the touches of no lead last.
extension SQLWriter {
    func list(_ list: BoundList) -> String {
        let shown = list.columns.map { ref in
            let kind: ValueKind = if case .duration = ref.data { .duration } else { .text }
            return "\(presented(column(ref), kind: kind)) AS \(dialect.identifier(ref.name))"
        }
        var text = "SELECT " + shown.joined(separator: ",\n  ")
        text += list.grain == .lead ? "\nFROM lead_facts l" : "\nFROM touches t\nLEFT JOIN lead_facts l ON l.lead_id = t.lead_id"
        if let filter = list.filter { text += "\nWHERE \(predicate(filter))" }
        var order = list.order.map { ref, descending in
            let value = if case .text = ref.data { dialect.bytes(column(ref)) } else { column(ref) }
            return "\(value) \(descending ? "DESC" : "ASC") NULLS LAST"
        }
        order += list.grain == .lead ? [dialect.bytes("l.lead_id")] : ["l.lead_id IS NULL", dialect.bytes("t.lead_id"), "t.at"]
        text += "\nORDER BY " + order.joined(separator: ", ")
        if let limit = list.limit { text += "\nLIMIT \(limit)" }
        return with(derivedFields, then: text)
    }
}
