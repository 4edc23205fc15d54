import Foundation

/// Columns of a touch file left in the file until a statement names one.
///
/// Activity exports give every touch an id (`Activity ID`, `Id`) that no
/// KPI reads and few statements name; building its dictionary costs more
/// than the rest of the file. Such a column is held as the number of each
/// row's value in the file (or null), which moves with the rows as they are
/// ordered by lead; the values are read from the file the first time they
/// are needed. The file must then still be the one loaded (same file, size
/// and time of change), or the column is refused with a message saying so.
public struct DeferredColumns: Sendable {
    let source: DataSource
    let role: TableRole
    let stamp: FileStamp
    /// The columns still in the file.
    public private(set) var names: [String]
    /// The file's rows when it was loaded.
    let rows: Int

    init(source: DataSource, role: TableRole, stamp: FileStamp, names: [String], rows: Int) {
        self.source = source
        self.role = role
        self.stamp = stamp
        self.names = names
        self.rows = rows
    }

    /// The column `name` of `table` with its values: read from the file and
    /// put where the table's rows have moved; the name leaves `names`.
    mutating func load(_ name: String, into table: inout Table, progress: LoadProgress?) throws(LoadError) {
        guard let held = table.text(name), let count = held.dictionary.deferredCount, let origin = table[name]?.origin else { return }
        let read = try source.readColumn(name, role: role, stamp: stamp, progress: progress)
        let fileCodes = read.column.codes.wide
        // Code `k` of the held column is the file's `k`th value.
        var valueCodes: [UInt32] = []
        valueCodes.reserveCapacity(count)
        for code in fileCodes where code != Null.textCode { valueCodes.append(code) }
        guard read.rows == rows, valueCodes.count == count else {
            throw LoadError(file: source.name, message: LoadMessages.deferredChanged(name))
        }
        let codes = held.codes.withReader { held in
            (0..<table.rowCount).map { row -> UInt32 in
                let code = held[row]
                return code == Null.textCode ? Null.textCode : valueCodes[Int(code)]
            }
        }
        table.append(Column(name: name, origin: origin, data: .text(TextColumn(codes: codes, dictionary: read.column.dictionary))))
        names.removeAll { $0 == name }
    }
}

extension LeadStore {
    /// Reads the touch columns still in their file: those in `names`, or
    /// all of them when `names` is nil.
    public mutating func loadDeferred(_ names: Set<String>? = nil, progress: LoadProgress? = nil) throws(LoadError) {
        guard var deferred else { return }
        // The columns read before one that fails stay read.
        defer { self.deferred = deferred.names.isEmpty ? nil : deferred }
        for name in deferred.names where names?.contains(name) ?? true {
            try deferred.load(name, into: &touches, progress: progress)
        }
    }
}
