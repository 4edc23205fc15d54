/// Everything one load reads: leads (or a status log that gives them),
/// touch files, and deals exports.
public struct DataSet: Sendable {
    public var leads: DataSource?
    /// A status-change log, read as leads and touches.
    public var events: DataSource?
    /// Which status values mean created, qualified and converted in `events`.
    public var statuses: StatusWords
    public var touches: [DataSource]
    /// Deals exports: a lead id and the date each lead converted.
    public var conversions: [DataSource]

    public init(leads: DataSource? = nil, events: DataSource? = nil, statuses: StatusWords = StatusWords(),
                touches: [DataSource] = [], conversions: [DataSource] = []) {
        self.leads = leads
        self.events = events
        self.statuses = statuses
        self.touches = touches
        self.conversions = conversions
    }

    /// Every file, in the order they are read.
    var sources: [DataSource] { [leads, events].compactMap { $0 } + touches + conversions }
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
