/// One data file to load, with the `--map` options that go with it. A file
/// on disk is read when the load starts, so the load's time includes reading it.
public struct DataSource: Sendable {
    private enum Content: Sendable {
        case path(String)
        case bytes(FileBytes)
    }

    private let content: Content
    public var mappings: [FieldMapping]

    /// Bytes already in memory, such as generated demo data.
    public init(file: FileBytes, mappings: [FieldMapping] = []) {
        content = .bytes(file)
        self.mappings = mappings
    }

    /// The file at `path`.
    public init(path: String, mappings: [FieldMapping] = []) {
        content = .path(path)
        self.mappings = mappings
    }

    /// What messages call the file.
    public var name: String {
        switch content {
        case .path(let path): path
        case .bytes(let file): file.name
        }
    }

    /// The file's bytes, read now when it is on disk.
    func read() throws(LoadError) -> FileBytes {
        switch content {
        case .path(let path): try FileBytes(path: path)
        case .bytes(let file): file
        }
    }
}
