import Foundation
import LeadStore

/// The touches, qualification and conversion of one generated lead.
struct TouchPlan {
    struct Touch {
        var at: Int64
        var channel: Int
        var rep: Int
        var inbound: Bool
        var outcome: Int
    }

    private(set) var touches: [Touch] = []
    private(set) var qualifiedAt: Int64?
    private(set) var convertedAt: Int64?

    /// Replaces the plan with one for `lead`. Nothing is stamped after `exportedAt`.
    mutating func make(
        for lead: GeneratorWorld.Lead, createdAt: Int64, exportedAt: Int64, world: GeneratorWorld,
        random: inout RandomSource
    ) {
        touches.removeAll(keepingCapacity: true)
        qualifiedAt = nil
        convertedAt = nil

        if random.chance(0.006) {
            let early = createdAt - TimeScale.units(seconds: 1 + random.below(72 * 3600))
            touches.append(touch(at: early, channel: random.pick(world.firstChannelWeights), lead: lead, inbound: false, world: world, random: &random))
        }
        let neverRate = [0.24, 0.17, 0.10][lead.segment]
        if random.chance(neverRate) {
            if random.chance(0.15) { addInbound(lead: lead, after: createdAt, exportedAt: exportedAt, world: world, random: &random) }
            return
        }
        let pace = world.ownerPace[lead.owner] * (lead.segment == 2 ? 0.7 : 1)
        let delayHours = 3.0 * pace * exp(1.4 * random.normal())
        var time = createdAt + Self.wholeSeconds(delayHours * 3600)
        guard time <= exportedAt else { return }
        let firstDelay = time - createdAt
        let followUps = 1 + Int(random.exponential(mean: 11.5))
        var channelsUsed: UInt32 = 0  // one bit per channel
        for index in 0..<followUps {
            if index > 0 { time += Self.wholeSeconds(random.exponential(mean: 1.6 * 86_400)) }
            if time > exportedAt { break }
            let channel = index == 0 ? random.pick(world.firstChannelWeights) : random.pick(world.channelWeights)
            channelsUsed |= 1 << channel
            touches.append(touch(at: time, channel: channel, lead: lead, inbound: false, world: world, random: &random))
        }
        let inboundCount = random.chance(0.5) ? 1 + random.below(3) : 0
        for _ in 0..<inboundCount {
            addInbound(lead: lead, after: createdAt, exportedAt: exportedAt, world: world, random: &random)
        }

        let fast = firstDelay <= TimeScale.perHour ? 0.25 : firstDelay <= TimeScale.perDay ? 0.1 : 0
        let qualifyChance = min(0.85, 0.12 + fast + 0.05 * Double(channelsUsed.nonzeroBitCount) + 0.01 * Double(min(followUps, 10)))
        guard random.chance(qualifyChance) else { return }
        let qualified = createdAt + firstDelay + Self.wholeSeconds(random.exponential(mean: 6 * 86_400))
        guard qualified <= exportedAt else { return }
        qualifiedAt = qualified
        let convertChance = min(0.8, 0.15 + (channelsUsed.nonzeroBitCount >= 3 ? 0.15 : 0) + (followUps >= 7 ? 0.1 : 0))
        guard random.chance(convertChance) else { return }
        let converted = qualified + Self.wholeSeconds(random.exponential(mean: 18 * 86_400))
        if converted <= exportedAt { convertedAt = converted }
    }

    private mutating func addInbound(
        lead: GeneratorWorld.Lead, after createdAt: Int64, exportedAt: Int64, world: GeneratorWorld,
        random: inout RandomSource
    ) {
        let at = createdAt + Self.wholeSeconds(random.exponential(mean: 5 * 86_400))
        guard at <= exportedAt else { return }
        let channel = random.pick(world.channelWeights)
        touches.append(touch(at: at, channel: channel, lead: lead, inbound: true, world: world, random: &random))
    }

    /// A span drawn in seconds, cut to whole seconds as generated data is written.
    private static func wholeSeconds(_ seconds: Double) -> Int64 { TimeScale.units(seconds: Int(seconds)) }

    private func touch(
        at: Int64, channel: Int, lead: GeneratorWorld.Lead, inbound: Bool, world: GeneratorWorld,
        random: inout RandomSource
    ) -> Touch {
        let rep = random.chance(0.85) ? lead.owner : random.below(world.owners.count)
        let outcome = inbound ? 3 : random.pick(world.outcomeWeights[channel])
        return Touch(at: at, channel: channel, rep: rep, inbound: inbound, outcome: outcome)
    }
}
