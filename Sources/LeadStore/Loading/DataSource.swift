/// One CSV file to load, with the options that go with it. A file on disk
/// is read when the load starts, so the load's time includes reading it.
/// Its reader (`DataSource+TableReader.swift`) names rows by line.
public struct DataSource: Sendable {
    private enum Content: Sendable {
        case path(String)
        case bytes(FileBytes)
    }

    private let content: Content
    /// The file's own options: a header they name must be in the file.
    public var options: FileOptions
    /// Options given for every file: taken where the file has the header.
    public var shared: FileOptions
    /// The zone values written without an offset are read in (`--tz`, `set tz`).
    public var zone = ZoneRules.utc

    /// Bytes already in memory; `generated` when they are made-up data (the demo's).
    public init(file: FileBytes, options: FileOptions = FileOptions(), shared: FileOptions = FileOptions(), generated: Bool = false) {
        content = .bytes(file)
        self.options = options
        self.shared = shared
        isGenerated = generated
    }

    /// The file at `path`.
    public init(path: String, options: FileOptions = FileOptions(), shared: FileOptions = FileOptions()) {
        content = .path(path)
        self.options = options
        self.shared = shared
    }

    /// Bytes in memory with `--map` options (and a `--date-format`) of their own.
    public init(file: FileBytes, mappings: [FieldMapping], dateFormat: String? = nil, generated: Bool = false) {
        self.init(file: file, options: FileOptions(mappings: mappings, dateFormat: dateFormat), generated: generated)
    }

    /// Bytes in memory with a `--date-format` of their own.
    public init(file: FileBytes, dateFormat: String?) {
        self.init(file: file, options: FileOptions(dateFormat: dateFormat))
    }

    /// The file at `path` with `--map` options (and a `--date-format`) of their own.
    public init(path: String, mappings: [FieldMapping], dateFormat: String? = nil) {
        self.init(path: path, options: FileOptions(mappings: mappings, dateFormat: dateFormat))
    }

    /// `--date-format`: the order of the parts of dates written as three
    /// numbers (`DD-MM-YYYY`), the file's own or else the one for every file;
    /// nil lets each column show it.
    public var dateFormat: String? { options.dateFormat ?? shared.dateFormat }

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

    /// Whether the bytes are read from a path (rather than held in memory).
    var isOnDisk: Bool { diskPath != nil }

    /// The path the bytes are read from, if they are read from one.
    var diskPath: String? {
        if case .path(let path) = content { return path }
        return nil
    }

    /// Whether the data was generated (the demo's) rather than exported from somewhere.
    public private(set) var isGenerated = false

    /// The file's bytes, read now when it is on disk.
    func contents() throws(LoadError) -> FileBytes {
        switch content {
        case .path(let path): try FileBytes(path: path)
        case .bytes(let file): file
        }
    }
}
