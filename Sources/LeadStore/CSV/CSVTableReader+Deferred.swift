import Foundation

/// Columns of ids left in the file (see `DeferredColumns`): which columns
/// qualify, and reading one of them again when a statement first names it.
extension CSVTableReader {
    /// Rows looked at to tell a column of ids.
    static let idSample = 1024

    /// The columns of a touch file that hold ids: `touch_id`, or an extra
    /// column, in whose first `idSample` records every value is there and no
    /// two are the same; an extra column must also have a value that can
    /// only be text (so its type is text whatever the rest hold). `scanner`
    /// stands after the header.
    static func idColumns(_ scanner: CSVScanner, map: HeaderMap) -> Set<String> {
        let candidates = map.entries.indices.filter {
            let entry = map.entries[$0]
            return (entry.core == nil || entry.core?.name == "touch_id") && !entry.channelOrDirection
        }
        guard !candidates.isEmpty else { return [] }
        var scanner = scanner
        // Per candidate: its values so far, nil once one is missing or repeats.
        var seen: [Set<String>?] = candidates.map { _ in [] }
        var onlyText = candidates.map { _ in false }
        var fields: [CSVField] = []
        var scratch: [UInt8] = []
        var rows = 0
        while rows < idSample, (try? scanner.nextRecord(into: &fields)) == true {
            guard fields.count == map.entries.count else { return [] }
            for (slot, index) in candidates.enumerated() where seen[slot] != nil {
                let value = scanner.string(of: fields[index])
                if value.isEmpty || !seen[slot]!.insert(value).inserted {
                    seen[slot] = nil
                    continue
                }
                if !onlyText[slot] { onlyText[slot] = scanner.withValue(of: fields[index], scratch: &scratch, ColumnInference.isOnlyText) }
            }
            rows += 1
        }
        guard rows == idSample else { return [] }
        return Set(candidates.indices.filter {
            seen[$0] != nil && (onlyText[$0] || map.entries[candidates[$0]].core != nil)
        }.map { map.entries[candidates[$0]].name })
    }

    /// The column `name` of a file read before, in file order.
    static func readColumn(
        _ file: FileBytes, name: String, role: TableRole, options: FileOptions, shared: FileOptions,
        progress: LoadProgress?, dateOrder: DateOrder?, zone: ZoneRules
    ) throws(LoadError) -> (column: TextColumn, rows: Int) {
        let parsed = try read(file, role: role, options: options, shared: shared, progress: progress,
                              dateOrder: dateOrder, zone: zone, keeping: name)
        guard let column = parsed.table.text(name) else {
            throw LoadError(file: file.name, message: LoadMessages.deferredChanged(name))
        }
        return (column, parsed.table.rowCount)
    }
}
