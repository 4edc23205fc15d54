import LeadQuery
import LeadStore

/// Binding `vs previous` and `vs last year`: with a time group each bucket
/// meets its own neighbour (the bucket before, or a year earlier); without
/// one the whole `during` period meets the period before it (as long, in
/// its own units) or the same period a year earlier.
extension Analyzer {
    func bindComparison(_ comparison: Comparison, query: Query, groups: [BoundGroup],
                        during: (start: Int64, end: Int64)?) throws(Diagnostic) -> BoundComparison {
        let buckets = settings.buckets
        if let index = groups.firstIndex(where: { if case .bucket = $0.kind { true } else { false } }),
           case .bucket(let unit) = groups[index].kind {
            guard !unit.isCyclic else { throw Diagnostic(.error, EngineMessages.comparisonOfCycle(unit.rawValue), at: comparison.range) }
            // The earlier run reaches back far enough for the first bucket's neighbour.
            let earlier = during.map { span -> (start: Int64, end: Int64) in
                let first = buckets.bucket(span.start, unit)
                let start = comparison.kind == .previous ? buckets.start(of: first - 1, unit) : Self.yearEarlier(span.start)
                return (start, span.end)
            }
            return BoundComparison(kind: comparison.kind, during: earlier, timeGroup: (index, unit))
        }
        guard let during, let period = query.during else {
            throw Diagnostic(.error, EngineMessages.comparisonNeedsPeriod, at: comparison.range)
        }
        if comparison.kind == .lastYear {
            return BoundComparison(kind: .lastYear, during: (Self.yearEarlier(during.start), Self.yearEarlier(during.end)), timeGroup: nil)
        }
        return BoundComparison(kind: .previous, during: Self.previous(of: period, span: during, buckets: buckets), timeGroup: nil)
    }

    /// The span just before a period, as long in the period's own units:
    /// the three whole months before `last 3 months`, the day before `today`.
    static func previous(of period: Period, span: (start: Int64, end: Int64), buckets: TimeBuckets) -> (start: Int64, end: Int64) {
        func back(_ count: Int64, _ unit: TimeUnit) -> (start: Int64, end: Int64) {
            (buckets.start(of: buckets.bucket(span.start, unit) - count, unit), span.start)
        }
        switch period.kind {
        case .this(let unit): return back(1, unit)
        case .last(let count, let unit): return back(Int64(count), unit)
        case .today, .yesterday: return back(1, .day)
        case .date(let date):
            switch date.span {
            case .day: return back(1, .day)
            case .month: return back(1, .month)
            case .quarter: return back(1, .quarter)
            case .year: return back(1, .year)
            case .moment: return (span.start - (span.end - span.start), span.start)
            }
        case .between, .past: return (span.start - (span.end - span.start), span.start)
        }
    }

    /// The same moment a year earlier (29 February becomes the 28th).
    static func yearEarlier(_ moment: Int64) -> Int64 {
        let day = TimeBuckets.floorDiv(moment, TimeScale.perDay), within = moment - day * TimeScale.perDay
        let date = CivilDate.date(daysSinceEpoch: Int(day))
        let earlier = CivilDate.daysSinceEpoch(year: date.year - 1, month: date.month, day: date.month == 2 && date.day == 29 ? 28 : date.day)
        return Int64(earlier) * TimeScale.perDay + within
    }
}
