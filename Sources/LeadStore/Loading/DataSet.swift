/// Everything one load reads, each table through its reader: leads (or a
/// status log that gives them), touch tables, and deals exports.
public struct DataSet: Sendable {
    public var leads: (any TableReader)?
    /// A status-change log, read as leads and touches.
    public var events: (any TableReader)?
    /// Which status values mean created, qualified and converted in `events`.
    public var statuses: StatusWords
    public var touches: [any TableReader]
    /// Deals exports: a lead id and the date each lead converted.
    public var conversions: [any TableReader]

    public init(leads: (any TableReader)? = nil, events: (any TableReader)? = nil, statuses: StatusWords = StatusWords(),
                touches: [any TableReader] = [], conversions: [any TableReader] = []) {
        self.leads = leads
        self.events = events
        self.statuses = statuses
        self.touches = touches
        self.conversions = conversions
    }

    /// Every reader, in the order they are read.
    var readers: [any TableReader] { [leads, events].compactMap { $0 } + touches + conversions }
}

/// `--created`, `--qualified` and `--converted`: the status values of a
/// status log that mark those moments, compared without regard to case.
public struct StatusWords: Sendable, Equatable {
    public var created: [String]
    public var qualified: [String]
    public var converted: [String]

    public init(created: [String] = [], qualified: [String] = [], converted: [String] = []) {
        self.created = created
        self.qualified = qualified
        self.converted = converted
    }
}
