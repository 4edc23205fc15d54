/// The rows of one column that one part of a file writes: a window of the
/// column's final array, reserved for the part before it is read (see
/// `ColumnArrays`), so values are written once, in place, without the
/// checks of a Swift array append.
struct ColumnSlice<Element: BitwiseCopyable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let capacity: Int
    private(set) var count = 0

    init(base: UnsafeMutablePointer<Element>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        precondition(count < capacity, "more rows than the part has line ends")
        base[count] = value
        count += 1
    }

    var last: Element? { count == 0 ? nil : base[count - 1] }
}
