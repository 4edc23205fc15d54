import Foundation
import LeadQuery
import LeadStore

/// Computes the measures of one grain: selects rows (where, during), puts
/// them in groups and aggregates. Where every group key has a small domain
/// the rows stream through in batches into flat arrays addressed by slot;
/// otherwise the groups are found first over the whole selection.
struct GrainPass: Sendable {
    let store: LeadStore
    let query: BoundQuery
    let grain: Grain
    let buckets: TimeBuckets
    let space: RowSpace
    let evaluator: PredicateEvaluator
    let isCancelled: (@Sendable () -> Bool)?

    /// Rows per batch: small enough to stay in cache, large enough to amortize dispatch.
    static let batchSize = 1 << 14
    /// Slot tables larger than this fall back to finding groups first.
    static let slotLimit = 1 << 22

    /// The groups found, by key tuple, and each measure's value per group.
    struct Output {
        var keys: [[Int64]]
        var values: [(measure: Int, values: [Double])]
    }

    init(store: LeadStore, query: BoundQuery, grain: Grain, buckets: TimeBuckets, isCancelled: (@Sendable () -> Bool)?) {
        self.isCancelled = isCancelled
        self.store = store
        self.query = query
        self.grain = grain
        self.buckets = buckets
        space = RowSpace(grain: grain, store: store)
        evaluator = PredicateEvaluator(space: space)
    }

    private var measures: [(Int, BoundMeasure)] {
        query.measures.enumerated().filter { $0.element.grain == grain }.map { ($0.offset, $0.element) }
    }

    /// The `where` and `during` filters of this grain as one predicate; when
    /// every measure of the grain reads follow-ups only (`touches`,
    /// `reply_rate`), the groups come from follow-ups too, so a channel with
    /// only inbound touches shows no row rather than a zero.
    private var selection: BoundPredicate? {
        var parts: [BoundPredicate] = []
        if selectsFollowUpsOnly { parts.append(.followUp) }
        if let filter = query.filters[grain] { parts.append(filter) }
        if let during = query.during {
            let time = grain == .lead ? store.leads["created_at"]! : store.touches["at"]!
            parts.append(.range(ColumnRef(name: time.name, data: time.data, grain: grain), lower: during.start, upper: during.end))
        }
        return BoundPredicate.all(parts)
    }

    private var selectsFollowUpsOnly: Bool { grain == .touch && measures.allSatisfy(\.1.readsFollowUpsOnly) }

    /// Each measure's population, nil where the selection keeps only its rows already.
    private var populations: [BoundPredicate?] {
        selectsFollowUpsOnly ? measures.map { _ in nil } : measures.map(\.1.population)
    }

    /// Streams rows through flat slot arrays; nil when a key has no small domain.
    func runInBatches() -> Output? {
        var domains: [KeyDomain] = []
        var slotCount = 1
        for group in query.groups {
            guard let domain = KeyDomain(group.keys[grain]!, store: store, buckets: buckets) else { return nil }
            domains.append(domain)
            slotCount *= domain.size
            if slotCount > Self.slotLimit { return nil }
        }
        var strides: [Int] = []
        var stride = 1
        for domain in domains {
            strides.append(stride)
            stride *= domain.size
        }
        let ranges = Self.split(space.rowCount)
        let pass = self
        let domainList = domains, strideList = strides, slots = slotCount
        let parts = ParallelResults<(accumulators: [Accumulator], rowsPerSlot: Tally)>.map(ranges.count) { index in
            pass.accumulate(ranges[index], domains: domainList, strides: strideList, slotCount: slots)
        }.map { $0! }
        // Stopped: the caller reports it; the groups are not worth finishing.
        if let isCancelled, isCancelled() { return Output(keys: [], values: []) }
        let accumulators = parts[0].accumulators
        var tally = parts[0].rowsPerSlot
        for part in parts.dropFirst() {
            for (mine, theirs) in zip(accumulators, part.accumulators) { mine.merge(theirs) }
            tally.merge(part.rowsPerSlot)
        }
        let rowsPerSlot = tally.totals
        let used = domains.isEmpty ? [0] : rowsPerSlot.indices.filter { rowsPerSlot[$0] > 0 }
        let keys = used.map { slot in domains.enumerated().map { k, domain in domain.value(ofSlot: slot / strides[k] % domain.size) } }
        let counted = countsSelectedRows
        let values = measures.indices.map { m in
            let all = counted[m] ? rowsPerSlot.map(Double.init) : accumulators[m].finish()
            return (measures[m].0, used.map { all[$0] })
        }
        return Output(keys: keys, values: values)
    }

    /// Which measures count every selected row, so that their values are the
    /// rows per slot, which each batch counts anyway.
    private var countsSelectedRows: [Bool] {
        zip(measures, populations).map { measure, population in
            if case .count(nil) = measure.1.formula, population == nil { true } else { false }
        }
    }

    /// One thread's share of the rows, at least a few batches each.
    static func split(_ rowCount: Int) -> [Range<Int>] {
        let threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, rowCount / (4 * batchSize)))
        let size = (rowCount + threads - 1) / max(1, threads)
        return (0..<threads).map { min($0 * size, rowCount)..<min(($0 + 1) * size, rowCount) }
    }

    /// Aggregates a range of rows, batch by batch, into fresh accumulators.
    private func accumulate(
        _ range: Range<Int>, domains: [KeyDomain], strides: [Int], slotCount: Int
    ) -> (accumulators: [Accumulator], rowsPerSlot: Tally) {
        let measures = self.measures, populations = self.populations, counted = countsSelectedRows
        let accumulators = measures.map { Accumulator($0.1.formula, slotCount: slotCount) }
        var rowsPerSlot = Tally(slotCount: slotCount)
        let selection = self.selection
        var start = range.lowerBound
        while start < range.upperBound {
            if let isCancelled, isCancelled() { break }
            let end = min(start + Self.batchSize, range.upperBound)
            var rows = RowSpace.rows(start..<end)
            start = end
            if let selection { rows = evaluator.select(selection, rows: rows) }
            if rows.isEmpty { continue }
            var slots = [UInt32](repeating: 0, count: rows.count)
            for (k, domain) in domains.enumerated() {
                domain.accumulate(rows, space: space, buckets: buckets, stride: strides[k], into: &slots)
            }
            rowsPerSlot.add(slots)
            for m in measures.indices where !counted[m] {
                let population = populations[m].map { evaluator.evaluate($0, rows: rows) }
                accumulators[m].add(rows: rows, slots: slots, population: population, evaluator: evaluator)
            }
        }
        return (accumulators, rowsPerSlot)
    }

    /// Finds the groups over the whole selection first, then aggregates with
    /// the same accumulators as the batches, each group number a slot.
    func runMaterialized() -> Output {
        let rows = evaluator.select(selection, rows: space.allRows)
        let grouping = Grouping(rows: rows, keys: query.groups.map { $0.keys[grain]! }, space: space, buckets: buckets)
        let values = zip(measures, populations).map { indexed, population in
            let (index, measure) = indexed
            let accumulator = Accumulator(measure.formula, slotCount: grouping.keys.count)
            let population = population.map { evaluator.evaluate($0, rows: rows) }
            accumulator.add(rows: rows, slots: grouping.groupOfRow, population: population, evaluator: evaluator)
            return (index, accumulator.finish())
        }
        return Output(keys: grouping.keys, values: values)
    }
}
