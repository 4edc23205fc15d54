import LeadQuery
import LeadStore

/// Business time: the `response_business` field, counted in the hours set
/// with `set hours`, and the `business` argument of `speed` and `within`.
extension Analyzer {
    /// The word that makes `speed` and `within` count business time.
    static let businessWord = "business"

    /// `response_business`, once hours are set; nil before.
    func businessResponseColumn() -> ColumnRef? {
        guard let calendar = settings.businessCalendar else { return nil }
        let values = (businessTimes ?? BusinessTimes()).response(of: store, calendar: calendar, zone: settings.zone)
        return ColumnRef(name: BusinessResponse.field, data: .duration(values), grain: .lead)
    }

    /// `response_business`, or an error at `range` that says how to set hours.
    func businessResponse(for what: String, at range: SourceRange) throws(Diagnostic) -> ColumnRef {
        guard let column = businessResponseColumn() else { throw Diagnostic(.error, EngineMessages.noHours(what), at: range) }
        return column
    }

    /// The response a KPI reads: `response_business` when its arguments
    /// include `business` (taken out of them), else `response`.
    func response(for form: String, arguments: inout [Expr], _ range: SourceRange) throws(Diagnostic) -> ColumnRef {
        guard let index = arguments.firstIndex(where: Self.isBusinessWord) else { return try lead("response", range) }
        let word = arguments.remove(at: index)
        return try businessResponse(for: form, at: word.range)
    }

    static func isBusinessWord(_ expr: Expr) -> Bool {
        if case .name(let word) = expr.kind { word.lowercased() == businessWord } else { false }
    }
}
