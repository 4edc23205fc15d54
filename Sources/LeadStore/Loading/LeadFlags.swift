import Foundation

/// Yes/no columns of a leads file: `Converted`, `IsConverted`, `Qualified`, ….
///
/// A column mapped to `is_converted` or `is_qualified` whose values are all
/// yes/no, true/false or 1/0 (any case; empty is null) becomes a count
/// column of 1 and 0. One holding dates gives `converted_at` or
/// `qualified_at` when the file has no such column; any other column keeps
/// its own name and is typed like any extra column.
enum LeadFlags {
    /// Each flag field and the date field it stands beside.
    static let fields = [("is_converted", "converted_at"), ("is_qualified", "qualified_at")]

    static let yes: Set<String> = ["yes", "y", "true", "t", "1"]
    static let no: Set<String> = ["no", "n", "false", "f", "0"]

    static func read(_ table: Table, file: String, decisions: inout [String]) -> Table {
        var table = table
        for (flag, date) in fields {
            guard let column = table[flag], case .text(let text) = column.data else { continue }
            if let values = flags(text.dictionary) {
                let counts = text.codes.map { $0 == Null.textCode ? Null.count : values[Int($0)] }
                table.append(Column(name: flag, origin: column.origin, data: .count(counts)))
                decisions.append(LoadMessages.flagRead(file: file, header: column.origin, field: flag))
                continue
            }
            let typed = ColumnInference.typed(text).data
            table = table.removing([flag])
            if case .timestamp = typed, table[date] == nil {
                table.append(Column(name: date, origin: column.origin, data: typed))
            } else {
                var name = HeaderMap.normalize(column.origin)
                while table[name] != nil { name += "_2" }
                table.append(Column(name: name, origin: column.origin, data: typed))
            }
        }
        return table
    }

    /// 1 or 0 for each value, null for blank ones; nil when a value is no flag word.
    private static func flags(_ dictionary: TextDictionary) -> [Int32]? {
        var result: [Int32] = []
        var any = false
        for value in dictionary.values {
            let word = value.trimmingCharacters(in: .whitespaces).lowercased()
            if word.isEmpty { result.append(Null.count); continue }
            if yes.contains(word) { result.append(1) } else if no.contains(word) { result.append(0) } else { return nil }
            any = true
        }
        return any ? result : nil
    }
}
