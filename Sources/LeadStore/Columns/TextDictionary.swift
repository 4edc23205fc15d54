import Foundation

/// The distinct values of one text column, stored once each.
///
/// All values live back to back in one byte array, found by offset, so a
/// column with a million distinct values costs two arrays, not a million
/// `String`s. An open-addressing hash table keyed by the bytes maps a value
/// to its code; codes are dense, in order of first appearance.
public struct TextDictionary: Sendable {
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slots hold `code + 1` in the low half and the high half of the
    /// value's hash in the high half (so most probes that miss are told
    /// apart without reading `hashes`); zero marks an empty slot.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)

    public init() {}

    /// Builds a dictionary holding `values` in order, without duplicates.
    public init<S: Sequence>(_ values: S) where S.Element == String {
        for value in values { _ = intern(value) }
    }

    /// How many distinct values there are.
    public var count: Int { offsets.count - 1 }

    public var isEmpty: Bool { offsets.count == 1 }

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
    public var values: [String] { (0..<count).map { self[UInt32($0)] } }

    /// The code of `value`, if the column holds it.
    public func code(of value: String) -> UInt32? {
        var value = value
        return value.withUTF8 { code(of: UnsafeRawBufferPointer($0)) }
    }

    /// The code of the bytes, if the column holds them.
    public func code(of value: UnsafeRawBufferPointer) -> UInt32? {
        let found = find(value, hash: Self.hash(value))
        return found.code
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
    private func find(_ value: UnsafeRawBufferPointer, hash: UInt64) -> (code: UInt32?, slot: Int) {
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
                            if (entry ^ hash) >> 32 == 0 && hashes[code] == hash {
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
        var size = slots.count
        while size * 7 < (count + other.count) * 10 { size *= 2 }
        if size > slots.count { grow(to: size) }
        return (0..<other.count).map { code in
            other.withBytes(of: UInt32(code)) { intern($0, hash: other.hashes[code]) }
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
    private static func slotEntry(code: Int, hash: UInt64) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(code + 1)
    }

    /// `count` empty slots.
    private static func emptySlots(_ count: Int) -> [UInt64] {
        [UInt64](repeating: 0, count: count)
    }

    /// A fast hash over bytes, eight at a time (the last word overlapping the
    /// one before, so no byte-by-byte tail), with a strong final mix.
    @inline(__always)
    static func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
        let n = value.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        @inline(__always) func mix(_ word: UInt64) {
            h = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            h = (h << 29) | (h >> 35)
        }
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                mix(value.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            mix(value.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
        } else if n >= 4 {
            mix(UInt64(value.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
                | UInt64(value.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32)
        } else if n > 0 {
            mix(UInt64(value[0]) | UInt64(value[n / 2]) << 8 | UInt64(value[n - 1]) << 16)
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// Whether `length` bytes at `a` and `b` are equal; short values without a call.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ length: Int) -> Bool {
        if length >= 8 && length <= 16 {
            return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                && a.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        }
        return memcmp(a, b, length) == 0
    }
}

/// Values collected in order without looking them up, for a column whose
/// values should all differ (the leads' ids): the parts of a file collect
/// theirs side by side, and `TextDictionary(distinct:)` indexes them all at once.
struct DistinctValues: Sendable {
    fileprivate var bytes: [UInt8] = []
    fileprivate var offsets: [Int] = [0]
    fileprivate var hashes: [UInt64] = []

    init(capacity: Int) {
        offsets.reserveCapacity(capacity + 1)
        hashes.reserveCapacity(capacity)
    }

    var count: Int { hashes.count }

    /// Adds a value; returns its index.
    @inline(__always)
    mutating func append(_ value: UnsafeRawBufferPointer) -> UInt32 {
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
        hashes.append(TextDictionary.hash(value))
        return UInt32(hashes.count - 1)
    }

    /// Calls `body` with the bytes of the value at `index`.
    func withBytes<R>(of index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[offsets[index]..<offsets[index + 1]])) }
    }
}

extension TextDictionary {
    /// The values of `parts`, one after another, with the codes they have
    /// there (the first part's from 0, the next part's after them); nil when
    /// two are the same. The table is built on all cores: each core fills
    /// its own stretch of slots with the values whose probes start there,
    /// and values whose probes would run past a stretch are placed after.
    init?(distinct parts: [DistinctValues]) {
        let total = parts.reduce(0) { $0 + $1.count }
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        offsets.reserveCapacity(total + 1)
        hashes.reserveCapacity(total)
        for part in parts {
            let shift = bytes.count
            bytes += part.bytes
            offsets += part.offsets.dropFirst().lazy.map { $0 + shift }
            hashes += part.hashes
        }
        var size = 64
        while size * 7 < total * 10 { size *= 2 }
        slots = Self.emptySlots(size)
        let stretches = min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard let deferred = fillSlots(stretches: stretches) else { return nil }
        for code in deferred {
            let found = find(code: code)
            guard found.code == nil else { return nil }
            slots[found.slot] = Self.slotEntry(code: code, hash: hashes[code])
        }
    }

    /// Where the value with this code is, or the empty slot where it would go.
    private func find(code: Int) -> (code: UInt32?, slot: Int) {
        let start = offsets[code], end = offsets[code + 1]
        return bytes.withUnsafeBytes { find(UnsafeRawBufferPointer(rebasing: $0[start..<end]), hash: hashes[code]) }
    }

    /// Fills the slots, `stretches` at once; returns the codes left to
    /// place, or nil when two values are the same.
    private mutating func fillSlots(stretches: Int) -> [Int]? {
        // Held out of `self` while the cores write it, so that `self` can be shared with them.
        var table = slots
        slots = []
        defer { slots = table }
        let size = table.count
        let dictionary = self
        let results = table.withUnsafeMutableBufferPointer { table in
            let shared = SharedSlots(slots: table)
            return ParallelResults<[Int]>.map(stretches) { stretch in
                dictionary.fill(shared.slots, stretch: stretch * size / stretches..<(stretch + 1) * size / stretches)
            }
        }
        guard results.allSatisfy({ $0 != nil }) else { return nil }
        return results.flatMap { $0! }
    }

    /// Places every value whose probe starts in `stretch` and ends there;
    /// returns the others, or nil when two values are the same.
    private func fill(_ slots: UnsafeMutableBufferPointer<UInt64>, stretch: Range<Int>) -> [Int]? {
        let mask = slots.count - 1
        var deferred: [Int] = []
        return hashes.withUnsafeBufferPointer { hashes in
            offsets.withUnsafeBufferPointer { offsets in
                bytes.withUnsafeBytes { bytes in
                    for (code, hash) in hashes.enumerated() {
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        guard stretch.contains(slot) else { continue }
                        while slot < stretch.upperBound {
                            let entry = slots[slot]
                            if entry == 0 { break }
                            let other = Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: entry) &- 1)
                            if (entry ^ hash) >> 32 == 0 && hashes[other] == hash {
                                let start = offsets[other], length = offsets[other + 1] - start
                                let mine = offsets[code]
                                if length == offsets[code + 1] - mine
                                    && (length == 0 || Self.equal(bytes.baseAddress! + start, bytes.baseAddress! + mine, length)) {
                                    return nil
                                }
                            }
                            slot += 1
                        }
                        if slot < stretch.upperBound {
                            slots[slot] = Self.slotEntry(code: code, hash: hash)
                        } else {
                            deferred.append(code)
                        }
                    }
                    return deferred
                }
            }
        }
    }
}

/// The slots of a table being filled, each core writing a stretch of its own.
private struct SharedSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<UInt64>
}
