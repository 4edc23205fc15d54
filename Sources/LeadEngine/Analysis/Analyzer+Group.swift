import LeadQuery
import LeadStore

/// Binding `by` terms: fields, bare time units, `field.unit` and conditions.
extension Analyzer {
    /// group := field | UNIT | field "." UNIT | condition | FILTER-NAME
    mutating func bindGroup(_ expr: Expr) throws(Diagnostic) -> BoundGroup {
        let name = text(of: expr.range)
        if isCondition(expr) { return try conditionGroup(expr) }
        switch expr.kind {
        case .call(let callee, let arguments) where callee.text.lowercased() == "bucket":
            return try bindBucket(expr, arguments: arguments)
        case .name(let word):
            if let unit = TimeUnit(word: word), column(named: word) == nil {
                // A bare unit is cohort time for leads and the touch's own time for touches.
                let created = try lead("created_at", expr.range), at = try touch("at", expr.range)
                return BoundGroup(name: unit.rawValue, kind: .bucket(unit),
                                  keys: [.lead: .bucket(created, unit), .touch: .bucket(at, unit)])
            }
            guard column(named: word) != nil else { throw unknownGroup(word, at: expr.range) }
            let column = try field(expr)
            if case .timestamp = column.data {
                throw Diagnostic(.error, EngineMessages.timestampNeedsUnit(column.name), at: expr.range,
                                 fixIt: "\(column.name).month")
            }
            return group(named: column.name, kind: Self.valueKind(of: column), key: .column(column), column: column, range: expr.range)
        case .member(let base, let member):
            guard let column = column(named: base.text) else { throw unknown(base.text, at: base.range) }
            guard case .timestamp = column.data else {
                throw Diagnostic(.error, EngineMessages.unitOfNonTimestamp(column.name, member.text), at: expr.range)
            }
            guard let unit = TimeUnit(word: member.text) else {
                let suggestion = NameMatcher.nearest(to: member.text, in: TimeUnit.allCases.map(\.rawValue))
                throw Diagnostic(.error, EngineMessages.unknownTimeUnit(member.text, suggestion: suggestion),
                                 at: member.range, fixIt: suggestion)
            }
            return group(named: name, kind: .bucket(unit), key: .bucket(column, unit), column: column, range: expr.range)
        default:
            throw Diagnostic(.error, EngineMessages.notAGroup, at: expr.range)
        }
    }

    /// A condition or named filter as a key: false, true, and null where it is
    /// unknown. The key is named after the text with single spaces, or the name.
    private mutating func conditionGroup(_ expr: Expr) throws(Diagnostic) -> BoundGroup {
        let name = text(of: expr.range).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let predicate = try bindFilter(expr)
        var group = BoundGroup(name: name, kind: .boolean, keys: [.touch: .condition(predicate)])
        if predicate.grain == .lead {
            group.keys[.lead] = .condition(predicate)
        } else {
            let field = Self.touchColumns(in: predicate).first ?? "a touch field"
            group.touchField = (field, Self.leadEquivalent(of: field), expr.range)
        }
        return group
    }

    /// An error for a `by` term nothing answers to, suggesting only what can
    /// be grouped by: the time units, then the fields (`m` → month, not `p`).
    func unknownGroup(_ name: String, at range: SourceRange) -> Diagnostic {
        if name.lowercased() == BusinessResponse.field { return unknown(name, at: range) }
        let names = TimeUnit.allCases.map(\.rawValue) + store.leads.columnNames + store.touches.columnNames
        let suggestion = NameMatcher.nearest(to: name, in: names) ?? NameMatcher.completion(of: name, in: names)
        return Diagnostic(.error, EngineMessages.unknownName(name, suggestion: suggestion), at: range, fixIt: suggestion)
    }

    /// A group on a column: lead columns serve both grains, touch columns only touches.
    private func group(named name: String, kind: ValueKind, key: BoundKey, column: ColumnRef, range: SourceRange) -> BoundGroup {
        var group = BoundGroup(name: name, kind: kind, keys: [.touch: key])
        if column.grain == .lead {
            group.keys[.lead] = key
        } else {
            group.touchField = (column.name, Self.leadEquivalent(of: column.name), range)
        }
        return group
    }
}
