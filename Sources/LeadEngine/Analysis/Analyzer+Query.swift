import Foundation
import LeadQuery
import LeadStore

/// Binding whole queries and lists.
extension Analyzer {
    mutating func bindQuery(_ query: Query) throws(Diagnostic) -> BoundQuery {
        prefersTouchColumns = query.groups.contains(where: isTouchOnly)
        var measures: [BoundMeasure] = []
        for item in query.measures {
            let name = item.alias?.text ?? text(of: item.expr.range)
            measures.append(try bindMeasure(item.expr, name: name))
        }
        for index in measures.indices where !measures[index].ratioParts.isEmpty {
            let parts = measures[index].ratioParts
            measures[index].rowwise = .runningRatio(numerator: measures.count, denominator: measures.count + 1)
            measures[index].ratioParts = []
            measures += parts
        }
        var filters: [Grain: BoundPredicate] = [:]
        if let filter = query.filter {
            let predicate = try bindFilter(filter)
            for measure in measures where measure.grain == .lead && predicate.grain == .touch {
                let field = Self.touchColumns(in: predicate).first ?? "a touch field"
                let suggestion = Self.leadEquivalent(of: field)
                throw Diagnostic(.error, EngineMessages.leadMeasureByTouchField(measure.name, field, suggestion: suggestion),
                                 at: filter.range, fixIt: suggestion)
            }
            for grain in Set(measures.map(\.grain)) { filters[grain] = predicate }
        }
        let during = query.during.map { settings.buckets.span(of: $0, now: settings.now) }
        var groups: [BoundGroup] = []
        for expr in query.groups {
            let group = try bindGroup(expr)
            for measure in measures where group.keys[measure.grain] == nil {
                guard measure.grain == .lead, let field = group.touchField else {
                    throw Diagnostic(.error, EngineMessages.notAGroup, at: expr.range)
                }
                throw Diagnostic(.error, EngineMessages.leadMeasureByTouchField(measure.name, field.name, suggestion: field.suggestion),
                                 at: field.range, fixIt: field.suggestion)
            }
            groups.append(group)
        }
        var slots = groups.map { ResultSlot(name: $0.name, kind: $0.kind) } + measures.map { ResultSlot(name: $0.name, kind: $0.kind) }
        /// A measure `having` or `order by` names that the result does not show: computed, then dropped.
        func addHidden(_ expr: Expr, written: String) throws(Diagnostic) {
            var hidden = try bindMeasure(expr, name: written)
            hidden.hidden = true
            if hidden.grain == .touch || filters[hidden.grain] == nil, let filter = filters.values.first {
                filters[hidden.grain] = filter
            }
            measures.append(hidden)
            slots.append(ResultSlot(name: written, kind: hidden.kind))
        }
        var having: ResultPredicate?
        if let expr = query.having {
            for operand in Self.havingOperands(expr) {
                let written = text(of: operand.range)
                guard !slots.contains(where: { $0.name.lowercased() == written.lowercased() }) else { continue }
                try addHidden(operand, written: written)
            }
            having = try bindHaving(expr, over: slots)
        }
        var order: [(column: Int, descending: Bool)] = []
        for key in query.order {
            let written = text(of: key.expr.range)
            if !slots.contains(where: { $0.name.lowercased() == written.lowercased() }) {
                do {
                    try addHidden(key.expr, written: written)
                } catch {
                    _ = try resultColumn(key.expr, in: slots, clause: "order by")
                }
            }
            order.append((try resultColumn(key.expr, in: slots, clause: "order by"), key.descending))
        }
        if query.takesLargest, order.isEmpty, let first = measures.indices.first(where: { !measures[$0].isRunning && !measures[$0].hidden }) {
            // `top N` without `order by`: the largest N of the first measure that is not a running total, ties in key order.
            order = [(groups.count + first, true)]
        }
        var bound = BoundQuery(measures: measures, filters: filters, groups: groups, during: during, having: having,
                               order: order, limit: query.limit, warnings: warnings)
        if let comparison = query.comparison {
            bound.comparison = try bindComparison(comparison, query: query, groups: groups, during: during)
        }
        return bound
    }

    mutating func bindList(_ list: ListQuery) throws(Diagnostic) -> BoundList {
        let grain: Grain = list.table.text.lowercased() == "leads" ? .lead : .touch
        let table = grain == .lead ? store.leads : store.touches
        // A touch's own lead_id, which a touch of no lead has too.
        prefersTouchColumns = grain == .touch
        var columns: [ColumnRef] = []
        if list.columns.isEmpty {
            columns = table.columns.map { ColumnRef(name: $0.name, data: $0.data, grain: grain) }
        } else {
            for name in list.columns {
                guard let column = column(named: name.text) else { throw unknown(name.text, at: name.range) }
                if grain == .lead && column.grain == .touch {
                    throw Diagnostic(.error, EngineMessages.listLeadsTouchField(column.name), at: name.range)
                }
                columns.append(column)
            }
        }
        var filter: BoundPredicate?
        if let expr = list.filter {
            let predicate = try bindFilter(expr)
            if grain == .lead && predicate.grain == .touch {
                let field = Self.touchColumns(in: predicate).first ?? "a touch field"
                throw Diagnostic(.error, EngineMessages.leadMeasureByTouchField("list leads", field, suggestion: Self.leadEquivalent(of: field)), at: expr.range)
            }
            filter = predicate
        }
        var order: [(ColumnRef, Bool)] = []
        for key in list.order {
            let column = try field(key.expr)
            if grain == .lead && column.grain == .touch {
                throw Diagnostic(.error, EngineMessages.listLeadsOrderedByTouchField(column.name), at: key.expr.range)
            }
            order.append((column, key.descending))
        }
        return BoundList(grain: grain, columns: columns, filter: filter, order: order, limit: list.limit, warnings: warnings)
    }

    /// Names of the touch columns a predicate reads.
    static func touchColumns(in predicate: BoundPredicate) -> [String] {
        switch predicate {
        case .textTruth(let c, _, _, _), .compare(let c, _, _), .range(let c, _, _), .isNull(let c, _):
            return c.grain == .touch ? [c.name] : []
        case .not(let p): return touchColumns(in: p)
        case .and(let a, let b), .or(let a, let b): return touchColumns(in: a) + touchColumns(in: b)
        case .followUp: return ["follow-up"]
        case .always: return []
        }
    }
}
