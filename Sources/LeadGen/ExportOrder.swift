import LeadStore

/// How generated rows are laid out in the files.
extension LeadGenerator {
    public enum Layout: String, Sendable, CaseIterable {
        /// As CRM exports come: every touch has its own `touch_id`, touches
        /// are in time order across all leads, and lead ids are not in the
        /// order of the leads file.
        case export
        /// Lead ids in file order, each lead's touches right after one
        /// another, no touch id (the built-in demo data).
        case grouped
    }
}

/// The touches of every lead, collected to be written in time order.
enum ExportOrder {
    /// Lead numbers 1...count in a shuffled order, drawn apart from the data's own random stream.
    static func scatteredIDs(_ count: Int, seed: UInt64) -> [UInt32] {
        var random = RandomSource(seed: seed ^ 0x5CA7_7E2E_D1D5_0000)
        var ids = (1...UInt32(count)).map { $0 }
        for index in stride(from: count - 1, to: 0, by: -1) {
            ids.swapAt(index, random.below(index + 1))
        }
        return ids
    }

    /// Touches side by side in compact arrays.
    struct Touches {
        private var at: [Int64] = []
        private var lead: [UInt32] = []
        /// Channel, rep, outcome and whether inbound, a byte each.
        private var traits: [UInt32] = []

        var count: Int { at.count }

        mutating func append(_ touch: TouchPlan.Touch, lead id: Int) {
            at.append(touch.at)
            lead.append(UInt32(id))
            traits.append(UInt32(touch.channel) | UInt32(touch.rep) << 8 | UInt32(touch.outcome) << 16
                          | (touch.inbound ? 1 << 24 : 0))
        }

        subscript(index: Int) -> (TouchPlan.Touch, lead: Int) {
            let bits = traits[index]
            let touch = TouchPlan.Touch(
                at: at[index], channel: Int(bits & 0xFF), rep: Int(bits >> 8 & 0xFF), inbound: bits >> 24 != 0,
                outcome: Int(bits >> 16 & 0xFF))
            return (touch, Int(lead[index]))
        }

        /// The indices of the touches by time, touches at the same moment in
        /// the order they were made (a stable radix sort on 16-bit digits).
        func timeOrder() -> [UInt32] {
            guard let low = at.min(), let high = at.max() else { return [] }
            var order = (0..<UInt32(count)).map { $0 }
            var scratch = [UInt32](repeating: 0, count: count)
            var shift: UInt64 = 0
            let span = UInt64(high - low)
            repeat {
                var starts = [Int](repeating: 0, count: (1 << 16) + 1)
                for time in at { starts[Int((UInt64(time - low) >> shift) & 0xFFFF) + 1] += 1 }
                for digit in 1...(1 << 16) { starts[digit] += starts[digit - 1] }
                for index in order {
                    let digit = Int((UInt64(at[Int(index)] - low) >> shift) & 0xFFFF)
                    scratch[starts[digit]] = index
                    starts[digit] += 1
                }
                swap(&order, &scratch)
                shift += 16
            } while shift < 64 && span >> shift != 0
            return order
        }
    }
}
