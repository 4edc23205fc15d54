import CKernels
import Foundation

/// Values collected in order without looking them up, for a column whose
/// values should all differ (the leads' ids): the parts of a file collect
/// theirs side by side, and `TextDictionary(distinct:)` indexes them all at once.
struct DistinctValues: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [Int] = [0]
    /// Each value's hash, when kept as values are added (for a column that
    /// will have a hash table); otherwise empty, and hashes are made when asked for.
    private var kept: [UInt64] = []
    private let keepsHashes: Bool

    init(capacity: Int, keepsHashes: Bool = true) {
        self.keepsHashes = keepsHashes
        offsets.reserveCapacity(capacity + 1)
        if keepsHashes { kept.reserveCapacity(capacity) }
    }

    /// The values of `dictionary`, in code order, with room for `capacity`
    /// values in all (their bytes reckoned from those so far); no hashes kept.
    init(_ dictionary: TextDictionary, capacity: Int) {
        self.init(capacity: capacity, keepsHashes: false)
        bytes.reserveCapacity(dictionary.bytes.count / max(1, dictionary.count) * capacity * 9 / 8)
        bytes.append(contentsOf: dictionary.bytes)
        offsets.append(contentsOf: dictionary.offsets.dropFirst())
    }

    var count: Int { offsets.count - 1 }

    /// The hash of every value, in order.
    var hashes: [UInt64] { keepsHashes ? kept : (0..<count).map { hash(at: $0) } }

    /// The hash of the value at `index`.
    @inline(__always)
    func hash(at index: Int) -> UInt64 {
        keepsHashes ? kept[index] : withBytes(of: index) { TextDictionary.hash($0) }
    }

    /// Adds a value; returns its index.
    @inline(__always)
    mutating func append(_ value: UnsafeRawBufferPointer) -> UInt32 {
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
        if keepsHashes { kept.append(TextDictionary.hash(value)) }
        return UInt32(offsets.count - 2)
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
                        // The slot of a value a little ahead is asked for (prefetched) now, so that reads overlap.
                        if code + Self.lookAhead < hashes.count {
                            let ahead = Int(truncatingIfNeeded: hashes[code + Self.lookAhead]) & mask
                            if stretch.contains(ahead) { leadq_prefetch(slots.baseAddress! + ahead) }
                        }
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

extension TextDictionary {
    /// How many values ahead `fill` asks for a slot.
    fileprivate static var lookAhead: Int { 16 }
}

/// The slots of a table being filled, each core writing a stretch of its own.
private struct SharedSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<UInt64>
}
