import CKernels
import Foundation

/// The distinct values of one text column, stored once each.
///
/// All values live back to back in one byte array, found by offset, so a
/// column with a million distinct values costs two arrays, not a million
/// `String`s. An open-addressing hash table keyed by the bytes maps a value
/// to its code; codes are dense, in order of first appearance.
public struct TextDictionary: Sendable {
    // Storage and table are internal (not private) for `TextDictionary+Distinct.swift`.
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]
    /// Each value's hash; empty, like `slots`, while the dictionary has no hash table.
    var hashes: [UInt64] = []
    /// Slots hold `code + 1` in the low half and the high half of the
    /// value's hash in the high half (so most probes that miss are told
    /// apart without reading `hashes`); zero marks an empty slot. Empty
    /// when the table was let go (`dropIndex`): a column of ids keeps only
    /// its values, and a lookup reads them in order.
    var slots: [UInt64] = Array(repeating: 0, count: 64)
    /// For a column whose values are still in its file (see
    /// `DeferredColumns`): how many values the codes number, in file order.
    /// Such a dictionary holds no values until the store reads them.
    public private(set) var deferredCount: Int?

    public init() {}

    /// A dictionary of `count` values not read yet: code `k` is the file's `k`th value.
    init(deferredCount count: Int) {
        deferredCount = count
        slots = []
    }

    /// Whether the values are still in the file.
    public var isDeferred: Bool { deferredCount != nil }

    /// Builds a dictionary holding `values` in order, without duplicates.
    public init<S: Sequence>(_ values: S) where S.Element == String {
        for value in values { _ = intern(value) }
    }

    /// How many distinct values there are.
    public var count: Int { deferredCount ?? offsets.count - 1 }

    public var isEmpty: Bool { count == 0 }

    /// The value with this code.
    public subscript(code: UInt32) -> String {
        let start = offsets[Int(code)], end = offsets[Int(code) + 1]
        return bytes.withUnsafeBufferPointer { String(decoding: $0[start..<end], as: UTF8.self) }
    }

    /// Whether the first values here are exactly `other`'s, with the same codes.
    public func startsWith(_ other: TextDictionary) -> Bool {
        guard count >= other.count, bytes.count >= other.bytes.count else { return false }
        guard offsets.withUnsafeBytes({ mine in
            other.offsets.withUnsafeBytes { theirs in memcmp(mine.baseAddress!, theirs.baseAddress!, theirs.count) == 0 }
        }) else { return false }
        if other.bytes.isEmpty { return true }
        return bytes.withUnsafeBytes { mine in
            other.bytes.withUnsafeBytes { theirs in memcmp(mine.baseAddress!, theirs.baseAddress!, theirs.count) == 0 }
        }
    }

    /// Every value, in code order.
    public var values: [String] { (0..<offsets.count - 1).map { self[UInt32($0)] } }

    /// The code of `value`, if the column holds it.
    public func code(of value: String) -> UInt32? {
        var value = value
        return value.withUTF8 { code(of: UnsafeRawBufferPointer($0)) }
    }

    /// The code of the bytes, if the column holds them.
    public func code(of value: UnsafeRawBufferPointer) -> UInt32? {
        guard isIndexed else { return scan(for: value) }
        let found = find(value, hash: Self.hash(value))
        return found.code
    }

    /// The bytes the dictionary holds: its values, their offsets and its hash table.
    public var memoryFootprint: Int {
        bytes.capacity + offsets.capacity * MemoryLayout<Int>.stride
            + (hashes.capacity + slots.capacity) * MemoryLayout<UInt64>.stride
    }

    /// Whether values are found through the hash table (see `dropIndex`).
    var isIndexed: Bool { !slots.isEmpty }

    /// Lets go of the hash table, keeping only the values: for a column of
    /// ids, whose values nothing looks up while loading and a query rarely names.
    mutating func dropIndex() {
        slots = []
        hashes = []
    }

    /// Builds the hash table again after `dropIndex`.
    private mutating func rebuildIndex() {
        hashes = (0..<count).map { code in withBytes(of: UInt32(code)) { Self.hash($0) } }
        var size = 64
        while size * 7 < count * 10 { size *= 2 }
        grow(to: size)
    }

    /// The code of the value, read from the values in order: its bytes are
    /// searched for among all the values' bytes at once, and a place they
    /// are found counts when a value starts there and is as long. A value
    /// found inside others again and again (`0` among `T00000001`, …) is
    /// then looked for value by value, lengths first, from where it was.
    private func scan(for value: UnsafeRawBufferPointer) -> UInt32? {
        guard value.count > 0 else { return scanForEmpty() }
        return offsets.withUnsafeBufferPointer { offsets in
            bytes.withUnsafeBytes { stored -> UInt32? in
                guard let base = stored.baseAddress else { return nil }
                var from = 0, misses = 0
                while from + value.count <= stored.count,
                      let hit = leadq_find(base + from, stored.count - from, value.baseAddress!, value.count) {
                    let place = base.distance(to: UnsafeRawPointer(hit))
                    // The first value starting at or after `place` (values before it may be empty).
                    var low = 0, high = offsets.count - 1
                    while low < high {
                        let middle = (low + high) / 2
                        if offsets[middle] < place { low = middle + 1 } else { high = middle }
                    }
                    var code = low
                    while code < offsets.count - 1 && offsets[code] == place {
                        if offsets[code + 1] - place == value.count { return UInt32(code) }
                        code += 1
                    }
                    misses += 1
                    if misses == Self.scanMisses {
                        // The value before `low` holds `place`; none before it was the value.
                        for code in max(0, low - 1)..<offsets.count - 1 where offsets[code + 1] - offsets[code] == value.count {
                            if Self.equal(base + offsets[code], value.baseAddress!, value.count) { return UInt32(code) }
                        }
                        return nil
                    }
                    from = place + 1
                }
                return nil
            }
        }
    }

    /// How many places `scan` passes that are not a value before it reads value by value.
    private static var scanMisses: Int { 64 }

    /// The code of the empty value, read from the values in order.
    private func scanForEmpty() -> UInt32? {
        offsets.withUnsafeBufferPointer { offsets in
            for code in 0..<offsets.count - 1 where offsets[code + 1] == offsets[code] { return UInt32(code) }
            return nil
        }
    }

    /// Whether the value with this code is `value`.
    @inline(__always)
    func holds(_ value: UnsafeRawBufferPointer, at code: UInt32) -> Bool {
        offsets.withUnsafeBufferPointer { offsets in
            let start = offsets[Int(code)], length = offsets[Int(code) + 1] - start
            return length == value.count
                && (length == 0 || bytes.withUnsafeBytes { Self.equal($0.baseAddress! + start, value.baseAddress!, length) })
        }
    }

    /// Where `value` is, or the empty slot where it would go.
    @inline(__always)
    func find(_ value: UnsafeRawBufferPointer, hash: UInt64) -> (code: UInt32?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                offsets.withUnsafeBufferPointer { offsets in
                    bytes.withUnsafeBytes { stored in
                        let mask = slots.count - 1
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        while true {
                            let entry = slots[slot]
                            if entry == 0 { return (nil, slot) }
                            let code = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: entry) &- 1)
                            // Half the hash is in the slot: the bytes settle the rest (`hashes` would be one more read from memory).
                            if (entry ^ hash) >> 32 == 0 {
                                let start = offsets[code], length = offsets[code + 1] - start
                                if length == value.count
                                    && (length == 0 || Self.equal(stored.baseAddress! + start, value.baseAddress!, length)) {
                                    return (UInt32(code), slot)
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// The code of `value`, adding it when new.
    public mutating func intern(_ value: String) -> UInt32 {
        var value = value
        return value.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The code of the bytes, adding them when new.
    public mutating func intern(_ value: UnsafeRawBufferPointer) -> UInt32 {
        intern(value, hash: Self.hash(value))
    }

    private mutating func intern(_ value: UnsafeRawBufferPointer, hash: UInt64) -> UInt32 {
        if !isIndexed { rebuildIndex() }
        let found = find(value, hash: hash)
        if let code = found.code { return code }
        let code = count
        precondition(code < Int(UInt32.max - 1), "a text column holds at most 4 billion distinct values")
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
        hashes.append(hash)
        var slot = found.slot
        if (code + 1) * 10 > slots.count * 7 {
            grow()
            let mask = slots.count - 1
            slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
        }
        slots[slot] = Self.slotEntry(code: code, hash: hash)
        return UInt32(code)
    }

    /// Adds the values of `other` that are new here; returns, for each code
    /// of `other`, the value's code here. Reuses `other`'s hashes.
    mutating func absorb(_ other: TextDictionary) -> [UInt32] {
        if !isIndexed { rebuildIndex() }
        var size = slots.count
        while size * 7 < (count + other.count) * 10 { size *= 2 }
        if size > slots.count { grow(to: size) }
        return (0..<other.count).map { code in
            other.withBytes(of: UInt32(code)) { intern($0, hash: other.isIndexed ? other.hashes[code] : Self.hash($0)) }
        }
    }

    /// Calls `body` with the bytes of the value with this code.
    public func withBytes<R>(of code: UInt32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let start = offsets[Int(code)], end = offsets[Int(code) + 1]
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    private mutating func grow(to capacity: Int? = nil) {
        let capacity = capacity ?? slots.count * 2
        var grown = Self.emptySlots(capacity)
        let mask = capacity - 1
        grown.withUnsafeMutableBufferPointer { grown in
            for (code, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while grown[slot] != 0 { slot = (slot + 1) & mask }
                grown[slot] = Self.slotEntry(code: code, hash: hash)
            }
        }
        slots = grown
    }

    @inline(__always)
    static func slotEntry(code: Int, hash: UInt64) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(code + 1)
    }

    /// `count` empty slots.
    static func emptySlots(_ count: Int) -> [UInt64] {
        [UInt64](repeating: 0, count: count)
    }
}
