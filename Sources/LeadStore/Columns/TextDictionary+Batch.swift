/// Looking up several values at once.
///
/// A dictionary of a million ids is far larger than the caches, so each
/// lookup waits on memory three times (its slot, its offsets, its bytes).
/// Made one by one between the other fields of a row, those waits come one
/// after another; made for a batch of values, one step for all of them before
/// the next, the reads of different values are independent and overlap.
extension TextDictionary {
    /// The most values `codes(of:count:into:)` looks up at once.
    static let batchLimit = 64

    /// Writes the code of each of the first `count` values to `codes`
    /// (`Null.textCode` for a value not here).
    func codes(
        of values: UnsafePointer<UnsafeRawBufferPointer>, count: Int, into codes: UnsafeMutablePointer<UInt32>
    ) {
        precondition(count <= Self.batchLimit)
        guard isIndexed else {
            for index in 0..<count { codes[index] = code(of: values[index]) ?? Null.textCode }
            return
        }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.batchLimit) { hashes in
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: Self.batchLimit) { settled in
                slots.withUnsafeBufferPointer { slots in
                    offsets.withUnsafeBufferPointer { offsets in
                        bytes.withUnsafeBytes { stored in
                            let mask = slots.count - 1
                            for index in 0..<count { hashes[index] = Self.hash(values[index]) }
                            // Each value's first slot: empty means absent; a matching hash half names the likely code.
                            for index in 0..<count {
                                let hash = hashes[index]
                                let entry = slots[Int(truncatingIfNeeded: hash) & mask]
                                settled[index] = entry == 0
                                codes[index] = entry != 0 && (entry ^ hash) >> 32 == 0
                                    ? UInt32(truncatingIfNeeded: entry) &- 1 : Null.textCode
                            }
                            // The likely codes' bytes compared.
                            for index in 0..<count where codes[index] != Null.textCode {
                                let code = Int(codes[index]), value = values[index]
                                let start = offsets[code], length = offsets[code + 1] - start
                                settled[index] = length == value.count
                                    && (length == 0 || Self.equal(stored.baseAddress! + start, value.baseAddress!, length))
                            }
                        }
                    }
                }
                // The rest (a collision, or a value further along its probe) the usual way.
                for index in 0..<count where !settled[index] {
                    codes[index] = find(values[index], hash: hashes[index]).code ?? Null.textCode
                }
            }
        }
    }
}
