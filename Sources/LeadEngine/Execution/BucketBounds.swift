import LeadStore

/// The increasing bounds of `bucket(field, b1, b2, …)`, in the field's own
/// units: bucket 0 holds values below `b1`, bucket i values in
/// `[b(i), b(i+1))`, the last values at or past the last bound.
package struct BucketBounds: Sendable {
    package let bounds: [Double]
    /// The label of each bucket, from `<b1` to `bn+`.
    package let labels: [String]
    /// Each bound as the least whole value at or above it: a whole value is at
    /// or past a bound exactly when it is at or past this.
    let wholeBounds: [Int64]

    package init(bounds: [Double], labels: [String]) {
        self.bounds = bounds
        self.labels = labels
        wholeBounds = bounds.map { bound in
            let up = bound.rounded(.up)
            return up >= 0x1p63 ? .max : up < -0x1p63 ? .min : Int64(up)
        }
    }

    var bucketCount: Int { bounds.count + 1 }

    /// Bounds up to this many are counted one by one, without branches; more are searched.
    static let linearLimit = 16

    /// The bucket of a value (half-open: a value equal to a bound starts its bucket).
    @inline(__always) func bucket(of value: Double) -> Int {
        var low = 0, high = bounds.count
        while low < high {
            let middle = (low + high) / 2
            if bounds[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The bucket of each row of `column`, or `null` for a row with no value.
    func buckets<T: FixedWidthInteger>(_ column: ColumnRef, rows: [UInt32], space: RowSpace, null: T) -> [T] {
        var slots = [UInt32](repeating: 0, count: rows.count)
        let nullSlot = UInt32(bucketCount)
        slots.withUnsafeMutableBufferPointer { accumulate(column, rows: rows, space: space, nullSlot: nullSlot, stride: 1, into: $0) }
        return slots.map { $0 == nullSlot ? null : T($0) }
    }

    /// Adds `bucket(row) × stride` (`nullSlot × stride` for a row with no
    /// value) to each entry of `slots`, parallel to `rows`.
    func accumulate(
        _ column: ColumnRef, rows: [UInt32], space: RowSpace, nullSlot: UInt32, stride: UInt32, into slots: UnsafeMutableBufferPointer<UInt32>
    ) {
        space.withIndices(rows, of: column) { index in
            switch column.data {
            case .count(let values):
                // Whole numbers from 0 to the last bound through a table; the rest by their whole bounds.
                let top = Int(min(max(wholeBounds[wholeBounds.count - 1], 0), 65_536))
                let table = (0...top).map { UInt32(bucket(of: Double($0))) }
                values.withUnsafeBufferPointer { v in
                    table.withUnsafeBufferPointer { table in
                        wholeBounds.withUnsafeBufferPointer { bounds in
                            for i in 0..<index.count {
                                let value = v[Int(index[i])]
                                let local = value == Null.count ? nullSlot
                                    : value >= 0 && Int(value) <= top ? table[Int(value)] : Self.bucket(of: Int64(value), bounds)
                                slots[i] &+= local &* stride
                            }
                        }
                    }
                }
            case .duration(let values) where wholeBounds.count <= 4, .timestamp(let values) where wholeBounds.count <= 4:
                // Up to four bounds held in registers, the missing ones past any value.
                let b = wholeBounds + [Int64](repeating: .max, count: 4 - wholeBounds.count)
                let (b0, b1, b2, b3) = (b[0], b[1], b[2], b[3]), last = UInt32(wholeBounds.count)
                values.withUnsafeBufferPointer { v in
                    for i in 0..<index.count {
                        let value = v[Int(index[i])]
                        let passed = Self.bit(value >= b0) &+ Self.bit(value >= b1) &+ Self.bit(value >= b2) &+ Self.bit(value >= b3)
                        slots[i] &+= (value == Null.timestamp ? nullSlot : min(passed, last)) &* stride
                    }
                }
            case .duration(let values), .timestamp(let values):
                values.withUnsafeBufferPointer { v in
                    wholeBounds.withUnsafeBufferPointer { bounds in
                        for i in 0..<index.count {
                            let value = v[Int(index[i])]
                            slots[i] &+= (value == Null.timestamp ? nullSlot : Self.bucket(of: value, bounds)) &* stride
                        }
                    }
                }
            case .number(let values):
                values.withUnsafeBufferPointer { v in
                    for i in 0..<index.count {
                        let value = v[Int(index[i])]
                        slots[i] &+= (value.isNaN ? nullSlot : UInt32(bucket(of: value))) &* stride
                    }
                }
            case .text:
                for i in 0..<index.count { slots[i] &+= nullSlot &* stride }
            }
        }
    }

    /// A Bool is the byte 0 or 1: added as it is, with no branch to mispredict.
    @inline(__always) static func bit(_ holds: Bool) -> UInt32 { UInt32(unsafeBitCast(holds, to: UInt8.self)) }

    /// The bucket of a whole value among whole bounds: few bounds are
    /// counted without a branch, many are searched.
    @inline(__always) static func bucket(of value: Int64, _ bounds: UnsafeBufferPointer<Int64>) -> UInt32 {
        if bounds.count <= linearLimit {
            var passed: UInt32 = 0
            for bound in bounds { passed &+= bit(value >= bound) }
            return passed
        }
        var low = 0, high = bounds.count
        while low < high {
            let middle = (low + high) / 2
            if bounds[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return UInt32(low)
    }
}
