/// Row counts per slot, kept in four lanes that consecutive rows take in
/// turn, so that rows falling in the same slot do not wait on each other's
/// increment; the lanes are summed at the end. Large slot tables keep one lane.
struct Tally: Sendable {
    private let slotCount: Int
    private let laneCount: Int
    private var lanes: [Int]

    init(slotCount: Int) {
        self.slotCount = slotCount
        laneCount = slotCount <= 1 << 16 ? 4 : 1
        lanes = [Int](repeating: 0, count: laneCount * slotCount)
    }

    /// Counts each slot once per row, or by `weights` (0, 1 or 2 for false,
    /// unknown, true: only true counts).
    mutating func add(_ slots: [UInt32], weights: [UInt8]? = nil) {
        let stride = laneCount > 1 ? slotCount : 0
        slots.withUnsafeBufferPointer { slots in
            lanes.withUnsafeMutableBufferPointer { lanes in
                let n = slots.count
                var i = 0
                if let weights {
                    weights.withUnsafeBufferPointer { weights in
                        while i + 4 <= n {
                            lanes[Int(slots[i])] &+= Int(weights[i] >> 1)
                            lanes[stride + Int(slots[i + 1])] &+= Int(weights[i + 1] >> 1)
                            lanes[2 * stride + Int(slots[i + 2])] &+= Int(weights[i + 2] >> 1)
                            lanes[3 * stride + Int(slots[i + 3])] &+= Int(weights[i + 3] >> 1)
                            i += 4
                        }
                        while i < n {
                            lanes[Int(slots[i])] &+= Int(weights[i] >> 1)
                            i += 1
                        }
                    }
                } else {
                    while i + 4 <= n {
                        lanes[Int(slots[i])] &+= 1
                        lanes[stride + Int(slots[i + 1])] &+= 1
                        lanes[2 * stride + Int(slots[i + 2])] &+= 1
                        lanes[3 * stride + Int(slots[i + 3])] &+= 1
                        i += 4
                    }
                    while i < n {
                        lanes[Int(slots[i])] &+= 1
                        i += 1
                    }
                }
            }
        }
    }

    mutating func merge(_ other: Tally) {
        for index in lanes.indices { lanes[index] &+= other.lanes[index] }
    }

    /// The count of each slot.
    var totals: [Int] {
        (0..<slotCount).map { slot in (0..<laneCount).reduce(0) { $0 + lanes[$1 * slotCount + slot] } }
    }
}
