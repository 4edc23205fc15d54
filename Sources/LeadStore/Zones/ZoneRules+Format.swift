/// Moments written in a zone: `2026-03-08T09:30:00-04:00`, or `…Z` in UTC.
extension ZoneRules {
    /// ISO 8601 with the zone's offset at that moment (`Z` for UTC).
    public func iso8601(_ moment: Int64) -> String {
        if isUTC { return CivilDate.iso8601(moment) }
        let offset = offset(at: moment)
        return String(CivilDate.iso8601(moment + offset).dropLast()) + Self.offsetText(offset)
    }

    /// Appends `iso8601(moment)` to `out`.
    public func writeISO8601(_ moment: Int64, into out: inout [UInt8]) {
        if isUTC { return CivilDate.writeISO8601(moment, into: &out) }
        let offset = offset(at: moment)
        CivilDate.writeISO8601(moment + offset, into: &out)
        out.removeLast()
        out += Self.offsetText(offset).utf8
    }
}
