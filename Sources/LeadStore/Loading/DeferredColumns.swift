import Foundation

/// Columns of a touch file left in the file until a statement names one.
///
/// Activity exports give every touch an id (`Activity ID`, `Id`) that no
/// KPI reads and few statements name; building its dictionary costs more
/// than the rest of the file. Such a column is held as the number of each
/// row's value in the file (or null), which moves with the rows as they are
/// ordered by lead; the values are read from the file the first time they
/// are needed. The file must then still be the one loaded (its `FileStamp`:
/// same file, size and times of change), or the column is refused with a
/// message saying so.
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
        let (dictionary, valueCodes) = try values(of: name, count: count, progress: progress)
        // Code `k` of the held column is the file's `k`th value, which has code `valueCodes[k]` in `dictionary`
        // (none: the same code, as the values of a column of ids are numbered as they come).
        let codes = valueCodes.map { valueCodes in
            held.codes.withReader { held in
                TextCodes((0..<table.rowCount).map { row -> UInt32 in
                    let code = held[row]
                    return code == Null.textCode ? Null.textCode : valueCodes[Int(code)]
                }, distinct: dictionary.count)
            }
        } ?? held.codes
        table.append(Column(name: name, origin: origin, data: .text(TextColumn(codes: codes, dictionary: dictionary))))
        names.removeAll { $0 == name }
    }
}

extension DeferredColumns {
    /// The column's values read from the file, and the code of the file's
    /// `k`th value (not null) for each `k`; nil when that is `k` itself.
    private func values(of name: String, count: Int, progress: LoadProgress?) throws(LoadError) -> (TextDictionary, [UInt32]?) {
        let read = try source.readColumn(name, role: role, stamp: stamp, progress: progress)
        var valueCodes: [UInt32]?
        var seen = 0
        read.column.codes.withReader { codes in
            for row in 0..<read.rows {
                let code = codes[row]
                if code == Null.textCode { continue }
                if valueCodes == nil && code != UInt32(truncatingIfNeeded: seen) {
                    valueCodes = (0..<UInt32(seen)).map { $0 }
                    valueCodes!.reserveCapacity(count)
                }
                valueCodes?.append(code)
                seen += 1
            }
        }
        guard read.rows == rows, seen == count else {
            throw LoadError(file: source.name, message: LoadMessages.deferredChanged(name))
        }
        return (read.column.dictionary, valueCodes)
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
