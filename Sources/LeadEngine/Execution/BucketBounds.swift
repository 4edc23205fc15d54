import LeadStore

/// The increasing bounds of `bucket(field, b1, b2, …)`, in the field's own
/// units: bucket 0 holds values below `b1`, bucket i values in
/// `[b(i), b(i+1))`, the last values at or past the last bound.
package struct BucketBounds: Sendable {
    package let bounds: [Double]
    /// The label of each bucket, from `<b1` to `bn+`.
    package let labels: [String]

    var bucketCount: Int { bounds.count + 1 }

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
        space.withIndices(rows, of: column) { index in
            switch column.data {
            case .count(let values):
                // Whole numbers from 0 to the last bound through a table; the rest by search.
                let top = Int(min(max(bounds[bounds.count - 1].rounded(.up), 0), 65_536))
                let table = (0...top).map { T(bucket(of: Double($0))) }
                return values.withUnsafeBufferPointer { v in
                    table.withUnsafeBufferPointer { table in
                        index.map { row in
                            let value = v[Int(row)]
                            if value == Null.count { return null }
                            if value >= 0 && Int(value) <= top { return table[Int(value)] }
                            return T(bucket(of: Double(value)))
                        }
                    }
                }
            case .duration(let values), .timestamp(let values):
                return values.withUnsafeBufferPointer { v in index.map { v[Int($0)] == Null.timestamp ? null : T(bucket(of: Double(v[Int($0)]))) } }
            case .number(let values):
                return values.withUnsafeBufferPointer { v in index.map { v[Int($0)].isNaN ? null : T(bucket(of: v[Int($0)])) } }
            case .text:
                return [T](repeating: null, count: index.count)
            }
        }
    }
}
