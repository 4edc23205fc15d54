/// Reads one table of a load from wherever it is kept: a CSV file, a
/// status log, a database table.
///
/// The store asks each reader for typed columns (`read(_:)`) and knows
/// nothing of the format. Errors name the place in the reader's own terms:
/// `FILE:LINE:COLUMN` for a CSV file, `TABLE row N, column "C"` for a
/// database. A reader throws those for what it finds while reading; for
/// what the store finds afterwards (a lead id given twice), the table read
/// carries `places`, the reader's name of a row.
public protocol TableReader: Sendable {
    /// What messages and the load summary call the source.
    var name: String { get }
    /// The source's own `--map`, `--const` and direction options.
    var options: FileOptions { get }
    /// The options given for every source, taken where the source has the column.
    var shared: FileOptions { get }
    /// Reads the table as `request.role` needs it.
    func read(_ request: TableRequest) throws(LoadError) -> TableRead
}

extension TableReader {
    public var options: FileOptions { FileOptions() }
    public var shared: FileOptions { FileOptions() }
}

/// What the store asks of a reader.
public struct TableRequest: Sendable {
    /// Which table the rows are loaded as; it decides the core fields and their types.
    public var role: TableRole
    /// Asked now and then with the fraction read; false stops the read.
    public var progress: LoadProgress?
    /// For touches: the leads' ids, which a reader may share as the
    /// dictionary of the touches' `lead_id`.
    public var leadIDs: TextDictionary?
    /// Whether a reader may leave columns of ids in their file until a
    /// statement names one (see `DeferredColumns`).
    public var defersIDs: Bool

    public init(role: TableRole, progress: LoadProgress? = nil, leadIDs: TextDictionary? = nil, defersIDs: Bool = false) {
        self.role = role
        self.progress = progress
        self.leadIDs = leadIDs
        self.defersIDs = defersIDs
    }
}
