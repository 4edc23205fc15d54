/// One data file to load, with the `--map` options that go with it. A file
/// on disk is read when the load starts, so the load's time includes reading it.
public struct DataSource: Sendable {
    private enum Content: Sendable {
        case path(String)
        case bytes(FileBytes)
    }

    private let content: Content
    public var mappings: [FieldMapping]
    /// `--date-format`: the order of the parts of dates written as three
    /// numbers (`DD-MM-YYYY`); nil lets each column show it.
    public var dateFormat: String?
    /// The zone values written without an offset are read in (`--tz`, `set tz`).
    public var zone = ZoneRules.utc

    /// Bytes already in memory; `generated` when they are made-up data (the demo's).
    public init(file: FileBytes, mappings: [FieldMapping] = [], dateFormat: String? = nil, generated: Bool = false) {
        content = .bytes(file)
        self.mappings = mappings
        self.dateFormat = dateFormat
        isGenerated = generated
    }

    /// The file at `path`.
    public init(path: String, mappings: [FieldMapping] = [], dateFormat: String? = nil) {
        content = .path(path)
        self.mappings = mappings
        self.dateFormat = dateFormat
    }

    /// The order `dateFormat` names; an error for a format leadq does not know.
    func dateOrder() throws(LoadError) -> DateOrder? {
        guard let dateFormat else { return nil }
        guard let order = DateOrder(format: dateFormat) else {
            throw LoadError(file: name, message: "--date-format \"\(dateFormat)\" is not a date format leadq knows; use \(DateOrder.accepted)")
        }
        return order
    }

    /// What messages call the file.
    public var name: String {
        switch content {
        case .path(let path): path
        case .bytes(let file): file.name
        }
    }

    /// Whether the data was generated (the demo's) rather than exported from somewhere.
    public private(set) var isGenerated = false

    /// The file's bytes, read now when it is on disk.
    func read() throws(LoadError) -> FileBytes {
        switch content {
        case .path(let path): try FileBytes(path: path)
        case .bytes(let file): file
        }
    }
}
