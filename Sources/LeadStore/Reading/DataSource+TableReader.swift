import Foundation

/// A CSV file is read by `CSVTableReader`; its rows are named by the line
/// they start on and the field's number in the row, `FILE:LINE:COLUMN`.
extension DataSource: TableReader {
    public func read(_ request: TableRequest) throws(LoadError) -> TableRead {
        let file = try contents()
        // Only a file on disk can be read again; bytes in memory would have to be kept whole.
        let defers = request.defersIDs && isOnDisk && file.stamp != nil
        let parsed = try CSVTableReader.read(
            file, role: request.role, options: options, shared: shared, progress: request.progress,
            leadIDs: request.leadIDs, dateOrder: try dateOrder(), zone: zone, defersIDs: defers)
        let notes = parsed.dateNotes.map { "\(file.name): \($0)" } + parsed.map.constants.map {
            LoadMessages.constantNote(file: file.name, field: $0.name, value: $0.value)
        }
        let taken = SharedOptionsTaken(mappings: parsed.map.sharedUse.mappings, constants: parsed.map.sharedUse.constants)
        var read = TableRead(
            table: parsed.table, bytes: file.count, generated: isGenerated, headers: parsed.map.entries.map(\.header),
            sharedTaken: taken, undecided: parsed.undecided, notes: notes, wallClockCount: parsed.wallClockCount, zone: zone,
            places: { (rows, column, _) throws(LoadError) in
                // Found again by scanning from the start: slow, and only for errors.
                let lines = CSVLines.lines(ofRecords: rows, in: file)
                try file.checkUnchanged()
                return lines.map { .line($0, field: column + 1) }
            })
        if !parsed.deferred.isEmpty, let stamp = file.stamp {
            read.deferred = DeferredColumns(source: self, role: request.role, stamp: stamp, names: parsed.deferred, rows: parsed.table.rowCount)
        }
        return read
    }

    /// Column `name` of the file, read again in file order; an error when
    /// the file is no longer the one `stamp` describes.
    func readColumn(_ name: String, role: TableRole, stamp: FileStamp, progress: LoadProgress?) throws(LoadError) -> (column: TextColumn, rows: Int) {
        // Looked at before it is opened: a FIFO put in its place would block the open.
        if let path = diskPath, FileStamp.current(path) != stamp, FileManager.default.fileExists(atPath: path) {
            throw LoadError(file: path, message: LoadMessages.deferredChanged(name))
        }
        let file: FileBytes
        do throws(LoadError) {
            file = try contents()
        } catch {
            throw LoadError(file: error.file, message: LoadMessages.deferredUnreadable(name, reason: error.message))
        }
        guard file.stamp == stamp else { throw LoadError(file: file.name, message: LoadMessages.deferredChanged(name)) }
        return try CSVTableReader.readColumn(file, name: name, role: role, options: options, shared: shared, progress: progress,
                                             dateOrder: try dateOrder(), zone: zone)
    }
}
