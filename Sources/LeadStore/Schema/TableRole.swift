/// Which table a file is loaded as.
public enum TableRole: String, Sendable {
    case leads, touches
    /// A status-change log: one row per change of a lead's status.
    case events
    /// A deals export: a lead id and the date the deal was won.
    case conversions
}

/// A field with a fixed meaning in leadq, and its type.
struct CoreField: Sendable {
    let name: String
    let kind: ColumnKind
    let required: Bool
    /// Normalized header names that stand for this field in CRM exports, best first.
    let aliases: [String]
}

extension TableRole {
    /// The fields SPEC §2 gives each table, with the header names CRMs export them under.
    var coreFields: [CoreField] {
        switch self {
        case .leads:
            [
                CoreField(name: "lead_id", kind: .text, required: true,
                          aliases: ["record_id", "leadid", "lead_record_id", "id"]),
                CoreField(name: "created_at", kind: .timestamp, required: true,
                          aliases: ["create_date", "created_date", "createddate", "created_time", "created_on",
                                    "creation_date", "created"]),
                CoreField(name: "segment", kind: .text, required: false, aliases: ["lead_segment", "market_segment"]),
                CoreField(name: "source", kind: .text, required: false,
                          aliases: ["lead_source", "original_source", "leadsource"]),
                CoreField(name: "owner", kind: .text, required: false,
                          aliases: ["contact_owner", "lead_owner", "owner_name", "ownerid"]),
                CoreField(name: "region", kind: .text, required: false, aliases: ["territory", "sales_region"]),
                CoreField(name: "qualified_at", kind: .timestamp, required: false,
                          aliases: ["qualified_date", "date_qualified"]),
                CoreField(name: "converted_at", kind: .timestamp, required: false,
                          aliases: ["converted_date", "converteddate", "conversion_date", "date_converted"]),
                CoreField(name: "is_converted", kind: .text, required: false, aliases: ["converted", "isconverted"]),
                CoreField(name: "is_qualified", kind: .text, required: false, aliases: ["qualified", "isqualified"]),
                CoreField(name: LeadZones.field, kind: .text, required: false, aliases: ["time_zone", "tz", "lead_timezone"]),
            ]
        case .touches:
            [
                CoreField(name: "lead_id", kind: .text, required: true, aliases: ["leadid", "lead"]),
                CoreField(name: "at", kind: .timestamp, required: true,
                          aliases: ["call_start_time", "activity_date", "start_datetime", "start_date_time",
                                    "timestamp", "activity_time", "date", "time"]),
                CoreField(name: "touch_id", kind: .text, required: false,
                          aliases: ["activity_id", "taskid", "eventid", "callid", "id"]),
                CoreField(name: "channel", kind: .text, required: false,
                          aliases: ["activity_type", "touch_type", "medium"]),
                CoreField(name: "rep", kind: .text, required: false,
                          aliases: ["call_owner", "assigned", "assigned_to", "event_owner", "activity_owner", "owner"]),
                CoreField(name: "direction", kind: .text, required: false, aliases: ["call_direction"]),
                CoreField(name: "outcome", kind: .text, required: false,
                          aliases: ["call_result", "result", "call_outcome", "disposition", "status"]),
            ]
        case .events:
            [
                CoreField(name: "lead_id", kind: .text, required: true, aliases: ["leadid", "lead"]),
                CoreField(name: "at", kind: .timestamp, required: true,
                          aliases: ["changed_at", "created_at", "timestamp", "date", "created_date", "changed_date"]),
                CoreField(name: "status", kind: .text, required: true, aliases: ["stage", "event", "new_value", "lead_status"]),
                CoreField(name: "channel", kind: .text, required: false, aliases: ["activity_type", "touch_type", "medium"]),
                CoreField(name: "rep", kind: .text, required: false, aliases: ["owner", "changed_by", "user"]),
            ]
        case .conversions:
            [
                CoreField(name: "lead_id", kind: .text, required: true, aliases: ["leadid", "lead"]),
                CoreField(name: "converted_at", kind: .timestamp, required: true,
                          aliases: ["won_date", "close_date", "closed_date", "closedate", "won_at", "closed_at",
                                    "converted_date", "conversion_date", "date_converted", "date_won"]),
            ]
        }
    }

    /// Headers whose values decide whether they hold the channel or the direction.
    var channelOrDirectionAliases: [String] {
        self == .touches ? ["call_type", "type"] : []
    }

    /// Names derived at load time, which no column of the file may take.
    var derivedNames: [String] {
        self == .leads ? FollowUpIndex.derivedFieldNames + [BusinessResponse.field] : []
    }
}
