/// The derived fields of a lead's latest touches: `last_followup_at`, its
/// last follow-up, and `last_touch_at`, its last touch of any direction.
/// A lead's touches are in time order, so each is found from the end.
enum LastTouches {
    static func columns(touchStart: [UInt32], at: [Int64], isFollowUp: [Bool], leadCount: Int) -> [Column] {
        var lastFollowUp = [Int64](repeating: Null.timestamp, count: leadCount)
        var lastTouch = [Int64](repeating: Null.timestamp, count: leadCount)
        for lead in 0..<leadCount {
            let lower = Int(touchStart[lead]), upper = Int(touchStart[lead + 1])
            guard upper > lower else { continue }
            lastTouch[lead] = at[upper - 1]
            var touch = upper - 1
            while touch >= lower && !isFollowUp[touch] { touch -= 1 }
            if touch >= lower { lastFollowUp[lead] = at[touch] }
        }
        let source = "derived from touches"
        return [
            Column(name: "last_followup_at", origin: source, data: .timestamp(lastFollowUp)),
            Column(name: "last_touch_at", origin: source, data: .timestamp(lastTouch)),
        ]
    }
}
