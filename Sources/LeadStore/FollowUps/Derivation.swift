/// Computes the derived lead fields in one pass over the touches, lead by lead.
struct Derivation {
    let leadCount: Int
    let touchStart: [UInt32]
    let created: [Int64]
    let converted: [Int64]?
    let at: [Int64]
    let channelCodes: [UInt32]?
    let repCodes: [UInt32]?
    let channelCount: Int
    let outbound: [Bool]?
    let directionCodes: [UInt32]?
    let directionValues: [String]
    /// For each direction code, whether the value names no direction.
    let directionUnrecognized: [Bool]

    private(set) var isFollowUp: [Bool]
    private(set) var followups: [Int32]
    private(set) var firstAt: [Int64]
    private(set) var firstChannel: [UInt32]
    private(set) var firstRep: [UInt32]
    private(set) var response: [Int64]
    private(set) var channels: [Int32]
    private(set) var toConvert: [Int32]

    init(leads: Table, touches: Table, touchStart: [UInt32]) {
        leadCount = leads.rowCount
        self.touchStart = touchStart
        created = leads.timestamps("created_at")!
        converted = leads.timestamps("converted_at")
        at = touches.timestamps("at")!
        let channel = touches.text("channel")
        channelCodes = channel?.codes
        channelCount = channel?.dictionary.count ?? 0
        repCodes = touches.text("rep")?.codes
        if let direction = touches.text("direction") {
            let reading = TouchDirection.outboundByCode(direction.dictionary)
            directionCodes = direction.codes
            outbound = reading.outbound
            directionValues = direction.dictionary.values
            directionUnrecognized = directionValues.map { reading.unrecognized.contains($0) }
        } else {
            directionCodes = nil
            outbound = nil
            directionValues = []
            directionUnrecognized = []
        }
        isFollowUp = Array(repeating: false, count: touches.rowCount)
        followups = Array(repeating: 0, count: leadCount)
        firstAt = Array(repeating: Null.timestamp, count: leadCount)
        firstChannel = Array(repeating: Null.textCode, count: leadCount)
        firstRep = Array(repeating: Null.textCode, count: leadCount)
        response = Array(repeating: Null.timestamp, count: leadCount)
        channels = Array(repeating: 0, count: leadCount)
        toConvert = Array(repeating: Null.count, count: leadCount)
    }

    mutating func run(counts: inout TouchCounts) {
        var lastLeadForChannel = [Int](repeating: -1, count: channelCount)
        var touchesByDirection = [Int](repeating: 0, count: directionValues.count)
        for lead in 0..<leadCount {
            let lower = Int(touchStart[lead]), upper = Int(touchStart[lead + 1])
            let createdAt = created[lead]
            let convertedAt = converted?[lead] ?? Null.timestamp
            var count: Int32 = 0
            var distinct: Int32 = 0
            var beforeConversion: Int32 = 0
            for touch in lower..<upper {
                let time = at[touch]
                if time < createdAt {
                    counts.beforeCreation += 1
                    continue
                }
                if let directionCodes, let outbound {
                    let code = directionCodes[touch]
                    if code != Null.textCode {
                        if !outbound[Int(code)] {
                            counts.inbound += 1
                            continue
                        }
                        touchesByDirection[Int(code)] += 1
                    }
                }
                isFollowUp[touch] = true
                if count == 0 {
                    firstAt[lead] = time
                    response[lead] = time - createdAt
                    if let channelCodes { firstChannel[lead] = channelCodes[touch] }
                    if let repCodes { firstRep[lead] = repCodes[touch] }
                }
                count += 1
                if let channelCodes {
                    let code = channelCodes[touch]
                    if code != Null.textCode && lastLeadForChannel[Int(code)] != lead {
                        lastLeadForChannel[Int(code)] = lead
                        distinct += 1
                    }
                }
                if convertedAt != Null.timestamp && time <= convertedAt { beforeConversion += 1 }
            }
            followups[lead] = count
            channels[lead] = distinct
            if convertedAt != Null.timestamp { toConvert[lead] = beforeConversion }
            counts.followUps += Int(count)
        }
        for (code, value) in directionValues.enumerated() where directionUnrecognized[code] && touchesByDirection[code] > 0 {
            counts.unrecognizedDirections[value] = touchesByDirection[code]
        }
    }

    func columns(channels channelColumn: TextColumn?, reps repColumn: TextColumn?) -> [Column] {
        let source = "derived from touches"
        return [
            Column(name: "followups", origin: source, data: .count(followups)),
            Column(name: "first_followup_at", origin: source, data: .timestamp(firstAt)),
            Column(name: "first_channel", origin: source, data: .text(TextColumn(
                codes: firstChannel, dictionary: channelColumn?.dictionary ?? TextDictionary()))),
            Column(name: "first_rep", origin: source, data: .text(TextColumn(
                codes: firstRep, dictionary: repColumn?.dictionary ?? TextDictionary()))),
            Column(name: "response", origin: source, data: .duration(response)),
            Column(name: "channels", origin: source, data: .count(channels)),
            Column(name: "followups_to_convert", origin: source, data: .count(toConvert)),
        ]
    }
}
