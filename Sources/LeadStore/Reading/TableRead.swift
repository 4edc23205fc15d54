/// One table as a reader read it: typed columns named by field, what the
/// reader decided on the way, and how it names a row in errors.
public struct TableRead: Sendable {
    /// The rows, with core fields under their field names and types.
    public var table: Table
    /// The size of what was read, for the load summary.
    public var bytes: Int
    /// Whether the rows were generated (the demo's) rather than exported.
    public var generated: Bool
    /// The source's column names, for naming the nearest when a `--map` finds none.
    public var headers: [String]
    /// Which options given for every source (`TableReader.shared`) this one took.
    public var sharedTaken: SharedOptionsTaken
    /// Columns that could be a channel or a direction, for the store to decide by their values.
    public var undecided: [String]
    /// What the reader decided where the data left it open, as load summary notes.
    public var notes: [String]
    /// How many timestamps had no offset, and the zone they were read in.
    public var wallClockCount: Int
    public var zone: ZoneRules
    /// Columns left in their file, read when a statement first names one.
    public var deferred: DeferredColumns?
    /// The reader's name of rows of `table` (0 is the first row) in the
    /// column at `column` of `table`, which was read from `header`.
    public var places: @Sendable (_ rows: [Int], _ column: Int, _ header: String) throws(LoadError) -> [RowPlace]

    public init(
        table: Table, bytes: Int = 0, generated: Bool = false, headers: [String]? = nil,
        sharedTaken: SharedOptionsTaken = SharedOptionsTaken(), undecided: [String] = [], notes: [String] = [],
        wallClockCount: Int = 0, zone: ZoneRules = .utc,
        places: @escaping @Sendable (_ rows: [Int], _ column: Int, _ header: String) throws(LoadError) -> [RowPlace]
            = TableRead.numberedRows
    ) {
        self.table = table
        self.bytes = bytes
        self.generated = generated
        self.headers = headers ?? table.columns.map(\.origin)
        self.sharedTaken = sharedTaken
        self.undecided = undecided
        self.notes = notes
        self.wallClockCount = wallClockCount
        self.zone = zone
        self.places = places
    }

    /// Rows named by their number from 1 and the column by its header, as a database names them.
    public static let numberedRows: @Sendable (_ rows: [Int], _ column: Int, _ header: String) throws(LoadError) -> [RowPlace] = {
        rows, _, header in rows.map { .row($0 + 1, column: header) }
    }
}

/// The indexes of the options given for every source (`--map` and
/// `--const` written before the first file) that one source took.
public struct SharedOptionsTaken: Sendable, Equatable {
    public var mappings: Set<Int>
    public var constants: Set<Int>

    public init(mappings: Set<Int> = [], constants: Set<Int> = []) {
        self.mappings = mappings
        self.constants = constants
    }
}
