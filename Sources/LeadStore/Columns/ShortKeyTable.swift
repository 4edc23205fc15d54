import CKernels
import Foundation

/// The values of a dictionary of short ids (sixteen bytes or fewer each, as
/// `L0336245`, a number or `00Q5e000001AbCd`), each slot holding a value's
/// bytes beside its code: looking a value up reads one slot, one line of
/// memory, where the dictionary's own table reads a slot, the value's
/// offsets and its bytes, three reads that each miss the caches once the
/// table is larger than they are. Built for the touches' lead ids, which are
/// looked up in a table of a million leads or more. Ids of eight bytes or
/// fewer take slots of two words, longer ones slots of three; ids that are
/// numbers close together take no slots but an array by number (`NumberedKeys`).
struct ShortKeyTable: Sendable {
    private enum Slots: Sendable {
        case narrow(KeySlots<NarrowSlot>)
        case wide(KeySlots<WideSlot>)
        /// Ids that are numbers close together, after one prefix: an array by number.
        case numbered(NumberedKeys)
    }

    private let slots: Slots

    /// The longest value a table holds.
    static let longest = 16

    /// Nil when some value is longer than `longest`, or there are none.
    init?(_ dictionary: TextDictionary) {
        let count = dictionary.count
        guard count > 0, !dictionary.isDeferred, count < Int(UInt32.max) else { return nil }
        let longest = dictionary.longestValue
        guard longest <= Self.longest else { return nil }
        if let numbered = NumberedKeys(dictionary) {
            slots = .numbered(numbered)
            return
        }
        slots = longest <= NarrowSlot.longest ? .narrow(KeySlots(dictionary)) : .wide(KeySlots(dictionary))
    }

    /// Writes the code of each of the first `count` values to `codes`
    /// (`Null.textCode` for a value not here); the first slot of every one
    /// is asked for (prefetched) before any is compared, so that the reads
    /// of memory overlap rather than wait one after another.
    func codes(of values: UnsafePointer<UnsafeRawBufferPointer>, count: Int, into codes: UnsafeMutablePointer<UInt32>) {
        switch slots {
        case .narrow(let table): table.codes(of: values, count: count, into: codes)
        case .wide(let table): table.codes(of: values, count: count, into: codes)
        case .numbered(let table): table.codes(of: values, count: count, into: codes)
        }
    }
}

/// A slot of a `KeySlots` table: a value's bytes, and its length and code.
private protocol KeySlot: Sendable {
    associatedtype Key: Equatable
    /// The longest value the slot holds.
    static var longest: Int { get }
    static var empty: Self { get }
    init(key: Key, entry: UInt64)
    var key: Key { get }
    /// The value's length in the high half, its code + 1 in the low half; zero when empty.
    var entry: UInt64 { get }
    /// The value's bytes as a key, and the hash that places it.
    static func key(_ value: UnsafeRawBufferPointer) -> (key: Key, hash: UInt64)
}

/// Values of up to eight bytes, zero after the value's end.
private struct NarrowSlot: KeySlot {
    var key: UInt64
    var entry: UInt64

    static let longest = 8
    static let empty = NarrowSlot(key: 0, entry: 0)

    init(key: UInt64, entry: UInt64) {
        self.key = key
        self.entry = entry
    }

    @inline(__always)
    static func key(_ value: UnsafeRawBufferPointer) -> (key: UInt64, hash: UInt64) {
        let key = word(value)
        return (key, mix(key ^ UInt64(value.count) << 59))
    }
}

/// Values of up to sixteen bytes: their first eight bytes and their last
/// eight (overlapping, for a value of fewer than sixteen), which with the
/// length determine every byte.
private struct WideSlot: KeySlot {
    struct Key: Equatable {
        var first: UInt64
        var last: UInt64
    }

    var key: Key
    var entry: UInt64

    static let longest = 16
    static let empty = WideSlot(key: Key(first: 0, last: 0), entry: 0)

    init(key: Key, entry: UInt64) {
        self.key = key
        self.entry = entry
    }

    @inline(__always)
    static func key(_ value: UnsafeRawBufferPointer) -> (key: Key, hash: UInt64) {
        let n = value.count
        let key = n <= 8
            ? Key(first: word(value), last: 0)
            : Key(first: value.loadUnaligned(as: UInt64.self), last: value.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
        return (key, mix(key.first ^ mix(key.last) ^ UInt64(n) << 59))
    }
}

/// The bytes of a value of at most eight bytes, zero after its end.
@inline(__always)
private func word(_ value: UnsafeRawBufferPointer) -> UInt64 {
    let n = value.count
    if n >= 4 {
        let low = UInt64(value.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        let high = UInt64(value.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
        return low | high << UInt64((n - 4) * 8)
    }
    var key: UInt64 = 0
    for index in 0..<n { key |= UInt64(value[index]) << UInt64(index * 8) }
    return key
}

@inline(__always)
private func mix(_ key: UInt64) -> UInt64 {
    var h = key &* 0x9E37_79B9_7F4A_7C15
    h ^= h >> 29
    return h &* 0xBF58_476D_1CE4_E5B9
}

/// An open-addressing table of slots, placed by the high bits of their hash.
private struct KeySlots<Slot: KeySlot>: Sendable {
    private var slots: [Slot]
    private let shift: UInt64
    /// Values placed together while the table is built.
    private static var block: Int { 256 }

    /// Built on every core: each places the values whose probes start in
    /// its own stretch of slots and end there; the rest are placed after.
    init(_ dictionary: TextDictionary) {
        let count = dictionary.count
        var bits = 4
        while 1 << bits < count * 3 / 2 { bits += 1 }
        shift = UInt64(64 - bits)
        // Emptied by the cores, each its own stretch, as they fill them.
        slots = [Slot](unsafeUninitializedCapacity: 1 << bits) { _, initialized in initialized = 1 << bits }
        let size = slots.count, mask = size - 1, shift = self.shift
        let stretches = count >= 1 << 16 ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1
        slots.withUnsafeMutableBufferPointer { slots in
            let shared = SharedKeySlots(base: slots.baseAddress!)
            let left = ParallelResults<[Int]>.map(stretches) { stretch in
                let mine = stretch * size / stretches..<(stretch + 1) * size / stretches
                (shared.base + mine.lowerBound).initialize(repeating: .empty, count: mine.count)
                var later: [Int] = []
                // A block of values at a time: the first slots of those that start
                // in this stretch are asked for (prefetched), then the values placed.
                var block: [(code: Int, key: Slot.Key, entry: UInt64, slot: Int)] = []
                block.reserveCapacity(Self.block)
                for first in stride(from: 0, to: count, by: Self.block) {
                    block.removeAll(keepingCapacity: true)
                    for code in first..<min(count, first + Self.block) {
                        dictionary.withBytes(of: UInt32(code)) { value in
                            let (key, hash) = Slot.key(value)
                            let slot = Int(truncatingIfNeeded: hash >> shift)
                            guard mine.contains(slot) else { return }
                            leadq_prefetch(shared.base + slot)
                            block.append((code, key, UInt64(value.count) << 32 | UInt64(code + 1), slot))
                        }
                    }
                    for value in block {
                        var slot = value.slot
                        while slot < mine.upperBound && shared.base[slot].entry != 0 { slot += 1 }
                        if slot < mine.upperBound {
                            shared.base[slot] = Slot(key: value.key, entry: value.entry)
                        } else {
                            later.append(value.code)
                        }
                    }
                }
                return later
            }
            for code in left.flatMap({ $0 ?? [] }) {
                dictionary.withBytes(of: UInt32(code)) { value in
                    let (key, hash) = Slot.key(value)
                    var slot = Int(truncatingIfNeeded: hash >> shift)
                    while slots[slot].entry != 0 { slot = (slot + 1) & mask }
                    slots[slot] = Slot(key: key, entry: UInt64(value.count) << 32 | UInt64(code + 1))
                }
            }
        }
    }

    func codes(of values: UnsafePointer<UnsafeRawBufferPointer>, count: Int, into codes: UnsafeMutablePointer<UInt32>) {
        precondition(count <= TextDictionary.batchLimit)
        withUnsafeTemporaryAllocation(of: Slot.Key.self, capacity: TextDictionary.batchLimit) { keys in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: TextDictionary.batchLimit) { places in
                slots.withUnsafeBufferPointer { slots in
                    let mask = slots.count - 1
                    for index in 0..<count {
                        let value = values[index]
                        if value.count > Slot.longest {
                            places[index] = -1
                            continue
                        }
                        let (key, hash) = Slot.key(value)
                        (keys.baseAddress! + index).initialize(to: key)
                        let place = Int(truncatingIfNeeded: hash >> shift)
                        places[index] = place
                        leadq_prefetch(slots.baseAddress! + place)
                    }
                    for index in 0..<count {
                        var slot = places[index]
                        codes[index] = Null.textCode
                        guard slot >= 0 else { continue }
                        let length = UInt64(values[index].count)
                        while true {
                            let found = slots[slot]
                            if found.entry == 0 { break }
                            if found.entry >> 32 == length && found.key == keys[index] {
                                codes[index] = UInt32(truncatingIfNeeded: found.entry) &- 1
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }
}

extension TextDictionary {
    /// The length of the longest value.
    var longestValue: Int {
        offsets.withUnsafeBufferPointer { offsets in
            var longest = 0
            for code in 0..<offsets.count - 1 { longest = Swift.max(longest, offsets[code + 1] - offsets[code]) }
            return longest
        }
    }
}

/// The slots being filled, each core writing a stretch of its own.
private struct SharedKeySlots<Slot>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Slot>
}
