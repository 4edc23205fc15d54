import LeadQuery
import LeadStore

/// Comparisons of whole-valued columns (timestamps, durations, counts) with
/// a constant, done in whole numbers: the constant is rounded once to the
/// whole bound that gives the same answer for every whole value, and each
/// operator runs its own loop, so a row costs a load and a compare.
extension PredicateEvaluator {
    /// The truth per row (0 false, 1 null, 2 true), or nil when the constant
    /// is too large for whole numbers to stand in for it.
    func wholeCompare<T: FixedWidthInteger>(
        _ values: UnsafeBufferPointer<T>, at index: UnsafeBufferPointer<UInt32>, null: T, _ op: ComparisonOperator, _ constant: Double
    ) -> [UInt8]? {
        guard constant.isFinite, constant.magnitude < 0x1p62 else { return nil }
        let down = Int64(constant.rounded(.down)), up = Int64(constant.rounded(.up)), whole = down == up
        switch op {
        case .less: return Self.truth(values, index, null) { Int64($0) < up }
        case .lessOrEqual: return Self.truth(values, index, null) { Int64($0) <= down }
        case .greater: return Self.truth(values, index, null) { Int64($0) > down }
        case .greaterOrEqual: return Self.truth(values, index, null) { Int64($0) >= up }
        case .equal: return whole ? Self.truth(values, index, null) { Int64($0) == down } : Self.truth(values, index, null) { _ in false }
        case .notEqual: return whole ? Self.truth(values, index, null) { Int64($0) != down } : Self.truth(values, index, null) { _ in true }
        }
    }

    @inline(__always)
    private static func truth<T: FixedWidthInteger>(
        _ values: UnsafeBufferPointer<T>, _ index: UnsafeBufferPointer<UInt32>, _ null: T, _ holds: (T) -> Bool
    ) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: index.count) { truth, count in
            for i in 0..<index.count {
                let value = values[Int(index[i])]
                // A Bool is the byte 0 or 1: doubled, false (0) or true (2).
                truth[i] = value == null ? 1 : unsafeBitCast(holds(value), to: UInt8.self) << 1
            }
            count = index.count
        }
    }
}
