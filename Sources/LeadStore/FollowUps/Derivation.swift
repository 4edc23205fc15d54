/// Computes the derived lead fields in one pass over the touches, lead by lead.
struct Derivation: Sendable {
    let leadCount: Int
    let touchStart: [UInt32]
    let created: [Int64]
    let converted: [Int64]?
    let at: [Int64]
    let channelCodes: TextCodes?
    let repCodes: TextCodes?
    let channelCount: Int
    /// For each channel code, the number of its word in any case: `Call` and
    /// `call` are one channel to `channels`.
    let channelWord: [Int]
    let outbound: [Bool]?
    let directionCodes: TextCodes?
    let directionValues: [String]
    /// For each direction code, whether the value names no direction.
    let directionUnrecognized: [Bool]

    let touchCount: Int

    /// The derived values, once `run` has run.
    private(set) var isFollowUp: [Bool] = []
    private(set) var followups: [Int32] = []
    private(set) var firstAt: [Int64] = []
    private(set) var firstChannel: [UInt32] = []
    private(set) var firstRep: [UInt32] = []
    private(set) var response: [Int64] = []
    private(set) var channels: [Int32] = []
    private(set) var toConvert: [Int32] = []

    /// `directionWords`: declared direction values, normalized, with whether each means outbound.
    init(leads: Table, touches: Table, touchStart: [UInt32], directionWords: [String: Bool] = [:]) {
        leadCount = leads.rowCount
        self.touchStart = touchStart
        created = leads.timestamps("created_at")!
        converted = leads.timestamps("converted_at")
        at = touches.timestamps("at")!
        let channel = touches.text("channel")
        channelCodes = channel?.codes
        var words: [String: Int] = [:]
        channelWord = (channel?.dictionary.values ?? []).map { value in
            let word = value.lowercased()
            if let number = words[word] { return number }
            words[word] = words.count
            return words.count - 1
        }
        channelCount = words.count
        repCodes = touches.text("rep")?.codes
        if let direction = touches.text("direction") {
            let reading = TouchDirection.outboundByCode(direction.dictionary, declared: directionWords)
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
        touchCount = touches.rowCount
    }

    /// Derives every lead's fields, a range of leads per core at a time.
    mutating func run(counts: inout TouchCounts) {
        let leadCount = self.leadCount
        let chunks = min(leadCount, 64)
        // Written, defaults first, by the core that derives each range of leads.
        var isFollowUp = [Bool].unwritten(count: touchCount)
        var followups = [Int32].unwritten(count: leadCount)
        var firstAt = [Int64].unwritten(count: leadCount)
        var firstChannel = [UInt32].unwritten(count: leadCount)
        var firstRep = [UInt32].unwritten(count: leadCount)
        var response = [Int64].unwritten(count: leadCount)
        var channels = [Int32].unwritten(count: leadCount)
        var toConvert = [Int32].unwritten(count: leadCount)
        let derivation = self
        var tallies: [Tally?] = []
        if leadCount == 0 { for touch in isFollowUp.indices { isFollowUp[touch] = false } }
        // The memory of each array, one closure per array (written flat, not as a staircase).
        isFollowUp.withUnsafeMutableBufferPointer { isFollowUp in
        followups.withUnsafeMutableBufferPointer { followups in
        firstAt.withUnsafeMutableBufferPointer { firstAt in
        firstChannel.withUnsafeMutableBufferPointer { firstChannel in
        firstRep.withUnsafeMutableBufferPointer { firstRep in
        response.withUnsafeMutableBufferPointer { response in
        channels.withUnsafeMutableBufferPointer { channels in
        toConvert.withUnsafeMutableBufferPointer { toConvert in
            let outputs = Outputs(
                isFollowUp: isFollowUp.baseAddress, followups: followups.baseAddress, firstAt: firstAt.baseAddress,
                firstChannel: firstChannel.baseAddress, firstRep: firstRep.baseAddress, response: response.baseAddress,
                channels: channels.baseAddress, toConvert: toConvert.baseAddress)
            tallies = ParallelResults<Tally>.map(chunks) { chunk in
                derivation.derive(leads: chunk * leadCount / chunks..<(chunk + 1) * leadCount / chunks, into: outputs)
            }
        }}}}}}}}
        self.isFollowUp = isFollowUp
        self.followups = followups
        self.firstAt = firstAt
        self.firstChannel = firstChannel
        self.firstRep = firstRep
        self.response = response
        self.channels = channels
        self.toConvert = toConvert
        var touchesByDirection = [Int](repeating: 0, count: directionValues.count)
        for tally in tallies {
            guard let tally else { continue }
            counts.beforeCreation += tally.beforeCreation
            counts.inbound += tally.inbound
            counts.followUps += tally.followUps
            for (code, count) in tally.touchesByDirection.enumerated() { touchesByDirection[code] += count }
        }
        for (code, value) in directionValues.enumerated() where directionUnrecognized[code] && touchesByDirection[code] > 0 {
            counts.unrecognizedDirections[value] = touchesByDirection[code]
        }
    }

    /// What one range of leads counted.
    private struct Tally: Sendable {
        var beforeCreation = 0
        var inbound = 0
        var followUps = 0
        var touchesByDirection: [Int]
    }

    /// Where the derived values go, each core writing the rows of its own leads and their touches.
    private struct Outputs: @unchecked Sendable {
        let isFollowUp: UnsafeMutablePointer<Bool>?
        let followups: UnsafeMutablePointer<Int32>?
        let firstAt: UnsafeMutablePointer<Int64>?
        let firstChannel: UnsafeMutablePointer<UInt32>?
        let firstRep: UnsafeMutablePointer<UInt32>?
        let response: UnsafeMutablePointer<Int64>?
        let channels: UnsafeMutablePointer<Int32>?
        let toConvert: UnsafeMutablePointer<Int32>?
    }

    /// Derives the fields of `leads` from their touches.
    private func derive(leads: Range<Int>, into out: Outputs) -> Tally {
        let none = TextCodes.nulls(count: 0)
        return (channelCodes ?? none).withReader { channelCodes in
            (repCodes ?? none).withReader { repCodes in
                (directionCodes ?? none).withReader { directionCodes in
                    derive(leads: leads, into: out, channelCodes: channelCodes, repCodes: repCodes, directionCodes: directionCodes)
                }
            }
        }
    }

    /// `derive(leads:into:)` with a reader of each text column (one that is
    /// absent is never read).
    private func derive(
        leads: Range<Int>, into out: Outputs, channelCodes: TextCodeReader, repCodes: TextCodeReader, directionCodes: TextCodeReader
    ) -> Tally {
        let hasChannel = self.channelCodes != nil, hasRep = self.repCodes != nil
        var tally = Tally(touchesByDirection: Array(repeating: 0, count: directionValues.count))
        var lastLeadForChannel = [Int](repeating: -1, count: channelCount)
        let touches = Int(touchStart[leads.lowerBound])..<(leads.upperBound == leadCount ? touchCount : Int(touchStart[leads.upperBound]))
        (out.isFollowUp! + touches.lowerBound).initialize(repeating: false, count: touches.count)
        (out.followups! + leads.lowerBound).initialize(repeating: 0, count: leads.count)
        (out.firstAt! + leads.lowerBound).initialize(repeating: Null.timestamp, count: leads.count)
        (out.firstChannel! + leads.lowerBound).initialize(repeating: Null.textCode, count: leads.count)
        (out.firstRep! + leads.lowerBound).initialize(repeating: Null.textCode, count: leads.count)
        (out.response! + leads.lowerBound).initialize(repeating: Null.timestamp, count: leads.count)
        (out.channels! + leads.lowerBound).initialize(repeating: 0, count: leads.count)
        (out.toConvert! + leads.lowerBound).initialize(repeating: Null.count, count: leads.count)
        for lead in leads {
            let lower = Int(touchStart[lead]), upper = Int(touchStart[lead + 1])
            let createdAt = created[lead]
            let convertedAt = converted?[lead] ?? Null.timestamp
            var count: Int32 = 0
            var distinct: Int32 = 0
            var beforeConversion: Int32 = 0
            for touch in lower..<upper {
                let time = at[touch]
                if time < createdAt {
                    tally.beforeCreation += 1
                    continue
                }
                if let outbound {
                    let code = directionCodes[touch]
                    if code != Null.textCode {
                        if !outbound[Int(code)] {
                            tally.inbound += 1
                            continue
                        }
                        tally.touchesByDirection[Int(code)] += 1
                    }
                }
                out.isFollowUp![touch] = true
                if count == 0 {
                    out.firstAt![lead] = time
                    out.response![lead] = time - createdAt
                    if hasChannel { out.firstChannel![lead] = channelCodes[touch] }
                    if hasRep { out.firstRep![lead] = repCodes[touch] }
                }
                count += 1
                if hasChannel {
                    let code = channelCodes[touch]
                    if code != Null.textCode && lastLeadForChannel[channelWord[Int(code)]] != lead {
                        lastLeadForChannel[channelWord[Int(code)]] = lead
                        distinct += 1
                    }
                }
                if convertedAt != Null.timestamp && time <= convertedAt { beforeConversion += 1 }
            }
            out.followups![lead] = count
            out.channels![lead] = distinct
            if convertedAt != Null.timestamp { out.toConvert![lead] = beforeConversion }
            tally.followUps += Int(count)
        }
        return tally
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
