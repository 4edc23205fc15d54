/// Touches indexed by lead, and the derived lead fields of SPEC §2.
///
/// Built once per load: touches are put in order by lead, then time (a
/// counting sort by lead, then a small sort within each lead), so a lead's
/// touches are the contiguous rows `touchStart[lead]..<touchStart[lead + 1]`.
/// Touches whose lead is unknown or missing come last. A follow-up is an
/// outbound touch (no direction counts as outbound) at or after its lead's
/// `created_at`.
public struct FollowUpIndex: Sendable {
    /// The lead row of a touch that matches no lead.
    public static let noLead = UInt32.max

    /// The fields added to every lead, in the order they are added.
    public static let derivedFieldNames = [
        "followups", "first_followup_at", "first_channel", "first_rep", "response", "channels",
        "followups_to_convert", "last_followup_at", "last_touch_at",
    ]

    /// Where each lead's touches start in the touches table; one entry more than there are leads.
    public let touchStart: [UInt32]
    /// The lead row of each touch, or `noLead`.
    public let touchLead: [UInt32]
    /// Whether each touch is a follow-up.
    public let isFollowUp: [Bool]
    /// What the load found about touches that are not follow-ups.
    public let counts: TouchCounts

    /// Sorts `touches` by lead and time and adds the derived fields to `leads`.
    static func build(leads: inout Table, touches: inout Table, directionWords: [String: Bool] = [:]) -> FollowUpIndex {
        let leadCount = leads.rowCount
        let leadIDs = leads.text("lead_id")!
        let touchIDs = touches.text("lead_id")!

        // Touches read after their leads share the leads' dictionary (their codes are lead rows).
        let shared = touchIDs.dictionary.startsWith(leadIDs.dictionary)
        let codeToLead: [UInt32] = (0..<touchIDs.dictionary.count).map { code in
            if shared && code < leadCount { return UInt32(code) }
            return touchIDs.dictionary.withBytes(of: UInt32(code)) { leadIDs.dictionary.code(of: $0) } ?? noLead
        }
        var counts = TouchCounts()
        var fileLead: [UInt32]
        let codesAreLeads = shared && touchIDs.dictionary.count == leadCount
        if codesAreLeads {
            // Every id names a lead, so the codes are the leads' rows already
            // (and a missing id's null code is `noLead`): shared, not copied.
            fileLead = touchIDs.codes.wide
            counts.withoutLeadID = fileLead.withUnsafeBufferPointer { codes in
                codes.reduce(0) { $0 &+ ($1 == Null.textCode ? 1 : 0) }
            }
        } else {
            fileLead = touchIDs.codes.withReader { codes in
                (0..<touches.rowCount).map { row in
                    let code = codes[row]
                    if code == Null.textCode { counts.withoutLeadID += 1; return noLead }
                    let lead = codeToLead[Int(code)]
                    if lead == noLead { counts.unknownLead += 1 }
                    return lead
                }
            }
        }
        counts.unknownLeadIDs = touchIDs.dictionary.count - codeToLead.reduce(0) { $0 + ($1 == noLead ? 0 : 1) }

        let order = Self.order(fileLead: fileLead, at: touches.timestamps("at")!, leadCount: leadCount)
        var touchLead = fileLead
        switch order.moves {
        case .none:
            break
        case .withinLeads(let runs, let sources):
            // A lead's touches all have its id: that column stays as it is.
            touches.reorder(runs: runs, sources: sources, except: "lead_id")
        case .all(let rows):
            if codesAreLeads {
                // In order, the lead id column is each lead's row over its touches, then the
                // touches without one: written from where each lead's touches start, not
                // gathered, and shared with the touches' lead rows.
                fileLead = []
                touchLead = []
                touches.gather(rows, except: "lead_id")
                touchLead = leadRows(touchStart: order.touchStart, count: touches.rowCount)
                touches.append(Column(name: "lead_id", origin: touches["lead_id"]!.origin, data: .text(
                    TextColumn(codes: TextCodes(touchLead, distinct: touchIDs.dictionary.count), dictionary: touchIDs.dictionary))))
            } else {
                touches.gather(rows)
                touchLead = fileLead.gathered(rows)
            }
        }

        var derived = Derivation(leads: leads, touches: touches, touchStart: order.touchStart, directionWords: directionWords)
        derived.run(counts: &counts)
        for column in derived.columns(channels: touches.text("channel"), reps: touches.text("rep")) {
            leads.append(column)
        }
        for column in LastTouches.columns(touchStart: order.touchStart, at: touches.timestamps("at")!,
                                          isFollowUp: derived.isFollowUp, leadCount: leadCount) {
            leads.append(column)
        }
        return FollowUpIndex(
            touchStart: order.touchStart, touchLead: touchLead, isFollowUp: derived.isFollowUp, counts: counts)
    }

    /// How touches move to be in order by lead, then time, then file order.
    enum Moves {
        /// They are in order already.
        case none
        /// They come grouped by lead in lead order; the touches of some
        /// leads move within their lead's rows (see `Table.reorder`).
        case withinLeads(runs: [Range<Int>], sources: [UInt32])
        /// Row `i` of the ordered touches is row `rows[i]` of the file's.
        case all(rows: [UInt32])
    }
}

/// Counts of touches that are loaded but are not follow-ups.
public struct TouchCounts: Sendable, Equatable {
    /// Touches whose lead id names no lead.
    public var unknownLead = 0
    /// Distinct lead ids among those.
    public var unknownLeadIDs = 0
    /// Touches with an empty lead id.
    public var withoutLeadID = 0
    /// Touches of known leads stamped before the lead was created.
    public var beforeCreation = 0
    /// Inbound touches of known leads, at or after creation.
    public var inbound = 0
    /// Follow-ups: outbound touches at or after their lead's creation.
    public var followUps = 0
    /// Direction values that name no direction, taken as outbound, with how many touches have each.
    public var unrecognizedDirections: [String: Int] = [:]

    public init() {}
}
