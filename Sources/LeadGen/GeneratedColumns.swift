import LeadStore

/// The leads' columns as they are drawn, one value per row.
struct GeneratedLeads {
    private(set) var ids = TextDictionary()
    private let idWidth: Int
    private var idCodes: [UInt32] = [], created: [Int64] = [], qualified: [Int64] = [], converted: [Int64] = []
    private var segment: [UInt32] = [], source: [UInt32] = [], owner: [UInt32] = [], region: [UInt32] = []
    private var segments = FirstSeenCodes(GeneratorWorld.segmentNames), sources = FirstSeenCodes(GeneratorWorld.sourceNames)
    private var owners = FirstSeenCodes(GeneratorWorld.ownerNames), regions = FirstSeenCodes(GeneratorWorld.regionNames)

    init(count: Int, idWidth: Int) {
        self.idWidth = idWidth
        idCodes.reserveCapacity(count); created.reserveCapacity(count)
        qualified.reserveCapacity(count); converted.reserveCapacity(count)
        segment.reserveCapacity(count); source.reserveCapacity(count)
        owner.reserveCapacity(count); region.reserveCapacity(count)
    }

    mutating func append(id: Int, createdAt: Int64, lead: GeneratorWorld.Lead, plan: TouchPlan) {
        idCodes.append(withUnsafeTemporaryAllocation(of: UInt8.self, capacity: idWidth + 1) { text in
            text[0] = 0x4C
            var rest = id
            for index in stride(from: idWidth, through: 1, by: -1) {
                text[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
            }
            return ids.intern(UnsafeRawBufferPointer(text))
        })
        created.append(createdAt)
        segment.append(segments.code(lead.segment))
        source.append(sources.code(lead.source))
        owner.append(owners.code(lead.owner))
        region.append(regions.code(lead.region))
        qualified.append(plan.qualifiedAt ?? Null.timestamp)
        converted.append(plan.convertedAt ?? Null.timestamp)
    }

    /// In the order of the leads file's header.
    var table: Table {
        Table(rowCount: created.count, columns: [
            Column(name: "lead_id", origin: "lead_id", data: .text(TextColumn(codes: idCodes, dictionary: ids))),
            Column(name: "created_at", origin: "created_at", data: .timestamp(created)),
            segments.column("segment", segment), sources.column("source", source),
            owners.column("owner", owner), regions.column("region", region),
            Column(name: "qualified_at", origin: "qualified_at", data: .timestamp(qualified)),
            Column(name: "converted_at", origin: "converted_at", data: .timestamp(converted)),
        ])
    }
}

/// The touches' columns as they are drawn, each lead's together.
struct GeneratedTouches {
    private var lead: [UInt32] = [], at: [Int64] = []
    private var channel: [UInt32] = [], rep: [UInt32] = [], direction: [UInt32] = [], outcome: [UInt32] = []
    private var channels = FirstSeenCodes(GeneratorWorld.channelNames), reps = FirstSeenCodes(GeneratorWorld.ownerNames)
    private var directions = FirstSeenCodes(["inbound", "outbound"]), outcomes = FirstSeenCodes(GeneratorWorld.outcomeNames)

    init(capacity: Int) {
        lead.reserveCapacity(capacity)
        at.reserveCapacity(capacity)
        channel.reserveCapacity(capacity)
        rep.reserveCapacity(capacity)
        direction.reserveCapacity(capacity)
        outcome.reserveCapacity(capacity)
    }

    mutating func append(_ touch: TouchPlan.Touch, leadRow: Int) {
        lead.append(UInt32(leadRow))
        at.append(touch.at)
        channel.append(channels.code(touch.channel))
        rep.append(reps.code(touch.rep))
        direction.append(directions.code(touch.inbound ? 0 : 1))
        outcome.append(outcomes.code(touch.outcome))
    }

    /// In the order of the touches file's header; `lead_id` codes are the leads' rows in `leadIDs`.
    func table(leadIDs: TextDictionary) -> Table {
        Table(rowCount: at.count, columns: [
            Column(name: "lead_id", origin: "lead_id", data: .text(TextColumn(codes: lead, dictionary: leadIDs))),
            Column(name: "at", origin: "at", data: .timestamp(at)),
            channels.column("channel", channel), reps.column("rep", rep),
            directions.column("direction", direction), outcomes.column("outcome", outcome),
        ])
    }
}
