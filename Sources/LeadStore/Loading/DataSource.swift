/// One data file to load, with the `--map` options that go with it.
public struct DataSource: Sendable {
    public var file: FileBytes
    public var mappings: [FieldMapping]

    public init(file: FileBytes, mappings: [FieldMapping] = []) {
        self.file = file
        self.mappings = mappings
    }

    /// Reads the file at `path`.
    public init(path: String, mappings: [FieldMapping] = []) throws(LoadError) {
        self.init(file: try FileBytes(path: path), mappings: mappings)
    }
}
