import LeadEngine
import LeadStore

/// Business time in each lead's own zone, as the in-memory engine counts it:
/// the values of the leads' `timezone` column that name a zone other than the
/// session's, grouped by the zone they name, choose that zone's wall-clock
/// reading and corrections with a `CASE` on the value (compared by bytes);
/// every other lead (no value, an empty one, a name that names no zone) keeps
/// the session's zone.
extension SQLWriter {
    /// The zones other than the session's that leads name, each with the values
    /// that name it, in the byte order of the values.
    var leadZoneGroups: [(zone: ZoneRules, values: [String])] {
        guard let leadZones = plan.leadZones else { return [] }
        var groups: [(zone: ZoneRules, values: [String])] = []
        let sorted = leadZones.sorted { $0.value.utf8.lexicographicallyPrecedes($1.value.utf8) }
        for (value, zone) in sorted {
            guard let zone, zone != self.zone else { continue }
            if let index = groups.firstIndex(where: { $0.zone == zone }) {
                groups[index].values.append(value)
            } else {
                groups.append((zone, [value]))
            }
        }
        return groups
    }

    /// `expression` in each lead's zone: a `CASE` on the lead's `timezone`
    /// value where a zone's expression differs from the session zone's.
    func inLeadZone(_ groups: [(zone: ZoneRules, values: [String])], _ expression: (ZoneRules) -> String) -> String {
        let otherwise = expression(zone)
        let branches = groups.compactMap { group -> String? in
            let value = expression(group.zone)
            guard value != otherwise else { return nil }
            let values = group.values.map(dialect.string).joined(separator: ", ")
            return "WHEN \(dialect.bytes("l." + dialect.identifier(LeadZones.field))) IN (\(values)) THEN \(value)"
        }
        guard !branches.isEmpty else { return otherwise }
        return "CASE " + branches.joined(separator: "\n    ") + "\n    ELSE \(otherwise) END"
    }
}
