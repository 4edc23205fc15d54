import LeadStore

/// Builds one measure's value for every group slot, a batch of rows at a
/// time, in flat arrays indexed by slot. Distinct counts of text mark a bit
/// per (slot, code) when that fits; other distinct counts and quantiles keep
/// (slot, value) pairs and finish at the end. Each thread fills its own
/// accumulator; `merge` then folds them together.
final class Accumulator: @unchecked Sendable {
    private enum Kind {
        case count(BoundPredicate?)
        case countValues(ColumnRef)
        case share(BoundPredicate)
        case sum(ColumnRef, mean: Bool)
        case extreme(ColumnRef, minimum: Bool)
        case quantile(ColumnRef, Double)
        case distinct(ColumnRef)
        case quotient(Accumulator, Accumulator)
    }

    private let kind: Kind
    private let slotCount: Int
    private var first: [Double]
    private var second: [Double]
    private var pairSlots: [UInt32] = []
    private var pairValues: [Double] = []
    private var codeBits: SlotCodeBits?
    /// Plain row counts, in `Tally` lanes.
    private var tally: Tally

    init(_ formula: Formula, slotCount: Int) {
        self.slotCount = slotCount
        if case .count(nil) = formula { tally = Tally(slotCount: slotCount) } else { tally = Tally(slotCount: 0) }
        switch formula {
        case .count(let condition): kind = .count(condition)
        case .countValues(let column): kind = .countValues(column)
        case .share(let condition): kind = .share(condition)
        case .sum(let column): kind = .sum(column, mean: false)
        case .mean(let column): kind = .sum(column, mean: true)
        case .minimum(let column): kind = .extreme(column, minimum: true)
        case .maximum(let column): kind = .extreme(column, minimum: false)
        case .quantile(let column, let fraction): kind = .quantile(column, fraction)
        case .distinct(let column): kind = .distinct(column)
        case .quotient(let a, let b): kind = .quotient(Accumulator(a, slotCount: slotCount), Accumulator(b, slotCount: slotCount))
        }
        switch kind {
        case .extreme: first = [Double](repeating: .nan, count: slotCount)
        case .quantile, .distinct, .quotient: first = []
        default: first = [Double](repeating: 0, count: slotCount)
        }
        if case .distinct(let column) = kind { codeBits = SlotCodeBits(distinctOf: column, slotCount: slotCount) }
        switch kind {
        case .share, .sum: second = [Double](repeating: 0, count: slotCount)
        default: second = []
        }
    }

    /// Adds a batch of rows, each with its group slot; with `population`,
    /// only the rows where it is 2 (true) count.
    func add(rows: [UInt32], slots: [UInt32], population: [UInt8]?, evaluator: PredicateEvaluator) {
        if case .count(nil) = kind {
            tally.add(slots, weights: population)
            return
        }
        guard let population else { return add(rows: rows, slots: slots, evaluator: evaluator) }
        add(rows: PredicateEvaluator.kept(rows, where: population), slots: PredicateEvaluator.kept(slots, where: population),
            evaluator: evaluator)
    }

    /// Adds a batch of rows, each with its group slot.
    private func add(rows: [UInt32], slots: [UInt32], evaluator: PredicateEvaluator) {
        let space = evaluator.space
        switch kind {
        case .count(let condition):
            let truth = condition.map { evaluator.evaluate($0, rows: rows) }
            first.withUnsafeMutableBufferPointer { counts in
                if let truth {
                    for i in 0..<slots.count where truth[i] == 2 { counts[Int(slots[i])] += 1 }
                } else {
                    for slot in slots { counts[Int(slot)] += 1 }
                }
            }
        case .countValues(let column):
            let values = space.numbers(column, at: rows)
            first.withUnsafeMutableBufferPointer { counts in
                for i in 0..<slots.count where !values[i].isNaN { counts[Int(slots[i])] += 1 }
            }
        case .share(let condition):
            let truth = evaluator.evaluate(condition, rows: rows)
            first.withUnsafeMutableBufferPointer { hits in
                second.withUnsafeMutableBufferPointer { totals in
                    for i in 0..<slots.count {
                        let slot = Int(slots[i])
                        totals[slot] += 1
                        // 2 (true) counts one, 0 and 1 none: no branch to mispredict on mixed rows.
                        hits[slot] += Double(truth[i] >> 1)
                    }
                }
            }
        case .sum(let column, _):
            let values = space.numbers(column, at: rows)
            first.withUnsafeMutableBufferPointer { sums in
                second.withUnsafeMutableBufferPointer { counts in
                    for i in 0..<slots.count where !values[i].isNaN {
                        sums[Int(slots[i])] += values[i]
                        counts[Int(slots[i])] += 1
                    }
                }
            }
        case .extreme(let column, let minimum):
            let values = space.numbers(column, at: rows)
            first.withUnsafeMutableBufferPointer { best in
                for i in 0..<slots.count where !values[i].isNaN {
                    let slot = Int(slots[i])
                    if best[slot].isNaN || (minimum ? values[i] < best[slot] : values[i] > best[slot]) { best[slot] = values[i] }
                }
            }
        case .distinct where codeBits != nil:
            codeBits?.add(rows: rows, slots: slots, space: space)
        case .quantile(let column, _), .distinct(let column):
            let values = space.numbers(column, at: rows)
            // Every pair is written and the end moves on past those with a value: no branch per row.
            let start = pairSlots.count
            pairSlots.append(contentsOf: slots)
            pairValues.append(contentsOf: values)
            var n = start
            pairSlots.withUnsafeMutableBufferPointer { pairSlots in
                pairValues.withUnsafeMutableBufferPointer { pairValues in
                    for i in 0..<values.count {
                        let value = values[i]
                        pairSlots[n] = slots[i]
                        pairValues[n] = value
                        n &+= value.isNaN ? 0 : 1
                    }
                }
            }
            pairSlots.removeLast(pairSlots.count - n)
            pairValues.removeLast(pairValues.count - n)
        case .quotient(let a, let b):
            a.add(rows: rows, slots: slots, population: nil, evaluator: evaluator)
            b.add(rows: rows, slots: slots, population: nil, evaluator: evaluator)
        }
    }

    /// Folds in what another accumulator of the same formula gathered.
    func merge(_ other: Accumulator) {
        switch (kind, other.kind) {
        case (.extreme(_, let minimum), _):
            for slot in 0..<slotCount where !other.first[slot].isNaN {
                if first[slot].isNaN || (minimum ? other.first[slot] < first[slot] : other.first[slot] > first[slot]) {
                    first[slot] = other.first[slot]
                }
            }
        case (.distinct, _) where codeBits != nil:
            if let theirs = other.codeBits { codeBits?.merge(theirs) }
        case (.quantile, _), (.distinct, _):
            pairSlots += other.pairSlots
            pairValues += other.pairValues
        case (.count(nil), _):
            tally.merge(other.tally)
        case (.quotient(let a, let b), .quotient(let c, let d)):
            a.merge(c)
            b.merge(d)
        default:
            for slot in 0..<first.count { first[slot] += other.first[slot] }
            for slot in 0..<second.count { second[slot] += other.second[slot] }
        }
    }

    /// The value of every slot: NaN for null.
    func finish() -> [Double] {
        switch kind {
        case .count(nil): return tally.totals.map(Double.init)
        case .count, .countValues, .extreme: return first
        case .share: return zip(first, second).map { $1 > 0 ? $0 / $1 : .nan }
        case .sum(_, let mean): return zip(first, second).map { $1 > 0 ? (mean ? $0 / $1 : $0) : .nan }
        case .quantile(_, let fraction):
            return GroupStatistics.quantiles(pairValues, groups: pairSlots, groupCount: slotCount, fraction: fraction)
        case .distinct where codeBits != nil:
            return codeBits!.counts
        case .distinct:
            return GroupStatistics.distinctCounts(pairValues, groups: pairSlots, groupCount: slotCount)
        case .quotient(let a, let b):
            return zip(a.finish(), b.finish()).map { $1 != 0 && !$1.isNaN ? $0 / $1 : .nan }
        }
    }
}
