import Foundation
import LeadStore

/// Makes realistic, reproducible leads and touches for demos, tests and benchmarks.
///
/// Two years of leads, weighted to weekdays and business hours, across
/// segments, sources, regions and forty owners (some with non-ASCII names,
/// one with a comma). About a fifth are never followed up; the first
/// follow-up comes after a log-normal delay (median a few hours, a tail of
/// days) that depends on the owner; about ten touches per lead over call,
/// email, sms, social and meeting; some inbound touches; a few touches
/// stamped before their lead; a minority qualified and converted, more
/// often when the response was fast and the lead was worked on several
/// channels. The same seed gives the same bytes.
public struct LeadGenerator: Sendable {
    public var leadCount: Int
    public var seed: UInt64
    /// How the rows are laid out in the files (see `Layout`).
    public var layout: Layout
    /// Nothing happens after this moment: the data is as exported then.
    public var exportedAt: Int64

    /// The fixed export moment of generated data, 2026-11-20T00:00:00Z.
    public static let defaultExportedAt: Int64 = Int64(CivilDate.daysSinceEpoch(year: 2026, month: 11, day: 20)) * TimeScale.perDay

    public init(
        leadCount: Int, seed: UInt64 = 42, exportedAt: Int64 = LeadGenerator.defaultExportedAt, layout: Layout = .export
    ) {
        self.leadCount = leadCount
        self.seed = seed
        self.exportedAt = exportedAt
        self.layout = layout
    }

    /// Both files, in memory.
    public func generate() -> (leads: [UInt8], touches: [UInt8]) {
        var leads = CSVByteWriter(), touches = CSVByteWriter()
        write(leads: &leads, touches: &touches)
        return (leads.buffer, touches.buffer)
    }

    /// Writes `leads.csv` and `touches.csv` into `folder`, creating it. Each
    /// file is written beside its target and renamed into place only when both
    /// are complete, so a failure leaves the old files as they were. Unless
    /// `replacing`, a folder that holds either file already is refused.
    /// `pending` is told of each temporary file before it is made (true) and
    /// when it is gone (false), for a signal handler to remove it.
    public func write(to folder: String, replacing: Bool = true, pending: (String, Bool) -> Void = { _, _ in }) throws(LoadError) {
        let leadPath = FilePath.join(folder, "leads.csv")
        let touchPath = FilePath.join(folder, "touches.csv")
        if !replacing, let existing = ([leadPath, touchPath] as [String]).first(where: { access($0, F_OK) == 0 }) {
            throw LoadError(file: existing, message: "already exists; give --force to replace it")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw LoadError(file: folder, message: "cannot create the folder: \(error.localizedDescription)")
        }
        var made: [String] = []
        defer { for path in made { pending(path, false) } }
        func record(_ path: String, _ isMade: Bool) {
            if isMade { pending(path, true); made.append(path) } else { pending(path, false); made.removeAll { $0 == path } }
        }
        let leadFile: ReplacementFile, touchFile: ReplacementFile
        do {
            leadFile = try ReplacementFile(replacing: leadPath, pending: record)
            touchFile = try ReplacementFile(replacing: touchPath, pending: record)
        } catch {
            throw LoadError(file: folder, message: error.description)
        }
        var leads = CSVByteWriter(descriptor: leadFile.descriptor), touches = CSVByteWriter(descriptor: touchFile.descriptor)
        write(leads: &leads, touches: &touches)
        leads.flush()
        touches.flush()
        if let code = leads.failure { throw LoadError(file: leadPath, message: FileBytes.describeErrno(code, verb: "write")) }
        if let code = touches.failure { throw LoadError(file: touchPath, message: FileBytes.describeErrno(code, verb: "write")) }
        do {
            try leadFile.commit(name: leadPath)
            try touchFile.commit(name: touchPath)
        } catch {
            throw LoadError(file: folder, message: error.description)
        }
    }

    private func write(leads: inout CSVByteWriter, touches: inout CSVByteWriter) {
        leads.raw(Array("lead_id,created_at,segment,source,owner,region,qualified_at,converted_at\n".utf8))
        touches.raw(Array((layout == .export ? "touch_id," : "").utf8))
        touches.raw(Array("lead_id,at,channel,rep,direction,outcome\n".utf8))
        let width = idWidth
        var collected = ExportOrder.Touches()
        let world = drawLeads { _, id, createdAt, lead, plan, world in
            leads.identifier(0x4C, id, width: width); leads.comma()
            leads.timestamp(createdAt); leads.comma()
            leads.raw(world.segments[lead.segment]); leads.comma()
            leads.raw(world.sources[lead.source]); leads.comma()
            leads.raw(world.owners[lead.owner]); leads.comma()
            leads.raw(world.regions[lead.region]); leads.comma()
            if let qualified = plan.qualifiedAt { leads.timestamp(qualified) }
            leads.comma()
            if let converted = plan.convertedAt { leads.timestamp(converted) }
            leads.endRow()

            for touch in plan.touches {
                if layout == .export {
                    collected.append(touch, lead: id)
                } else {
                    write(touch, lead: id, width: width, world: world, into: &touches)
                }
            }
        }
        guard layout == .export else { return }
        let order = collected.timeOrder()
        let idWidth = max(8, String(order.count).count)
        for (number, index) in order.enumerated() {
            touches.identifier(0x54, number + 1, width: idWidth); touches.comma()
            let (touch, lead) = collected[Int(index)]
            write(touch, lead: lead, width: width, world: world, into: &touches)
        }
    }

    /// The digits of a lead id: `L0000001`.
    var idWidth: Int { max(7, String(leadCount).count) }

    /// Draws every lead in creation order and hands `body` its row number, id,
    /// creation moment, traits and plan; every output draws the same leads.
    @discardableResult
    func drawLeads(
        _ body: (_ row: Int, _ id: Int, _ createdAt: Int64, _ lead: GeneratorWorld.Lead, _ plan: TouchPlan, _ world: GeneratorWorld) -> Void
    ) -> GeneratorWorld {
        var random = RandomSource(seed: seed)
        let world = GeneratorWorld()
        let created = creationTimes(&random)
        let ids = layout == .export ? ExportOrder.scatteredIDs(leadCount, seed: seed) : nil
        var plan = TouchPlan()
        for (row, createdAt) in created.enumerated() {
            let lead = world.drawLead(&random)
            plan.make(for: lead, createdAt: createdAt, exportedAt: exportedAt, world: world, random: &random)
            body(row, ids.map { Int($0[row]) } ?? row + 1, createdAt, lead, plan, world)
        }
        return world
    }

    private func write(_ touch: TouchPlan.Touch, lead: Int, width: Int, world: GeneratorWorld, into touches: inout CSVByteWriter) {
        touches.identifier(0x4C, lead, width: width); touches.comma()
        touches.timestamp(touch.at); touches.comma()
        touches.raw(world.channels[touch.channel]); touches.comma()
        touches.raw(world.owners[touch.rep]); touches.comma()
        touches.raw(touch.inbound ? world.inbound : world.outbound); touches.comma()
        touches.raw(world.outcomes[touch.outcome])
        touches.endRow()
    }

    /// Creation moments over the two years before the export, in order:
    /// weekdays five times as likely as weekend days, most within business hours.
    private func creationTimes(_ random: inout RandomSource) -> [Int64] {
        let span: Int64 = 730 * TimeScale.perDay
        let firstDay = (exportedAt - span) / TimeScale.perDay
        var times = [Int64]()
        times.reserveCapacity(leadCount)
        while times.count < leadCount {
            let day = firstDay + Int64(random.below(730))
            let weekday = (day + 3) % 7  // 0 is Monday
            if weekday >= 5 && !random.chance(0.2) { continue }
            let hour: Double = random.chance(0.75) ? 8 + random.unit() * 10 : random.unit() * 24
            times.append(day * TimeScale.perDay + TimeScale.units(seconds: Int(hour * 3600)))
        }
        times.sort()
        return times
    }
}
