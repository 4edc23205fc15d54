/// Stacking tables whose columns differ, as when calls, emails and meetings
/// come from separate exports.
extension Table {
    /// The rows of `self` followed by the rows of `other`. Columns are matched
    /// by name; a column one table lacks is null there. Text dictionaries are
    /// merged. When the two disagree on a column's type, both become text.
    public func concatenated(with other: Table) -> Table {
        var names = columnNames
        for name in other.columnNames where !names.contains(name) { names.append(name) }
        var result = Table(rowCount: rowCount + other.rowCount)
        for name in names {
            let mine = self[name], theirs = other[name]
            let origin = mine?.origin ?? theirs?.origin ?? name
            let first = mine?.data ?? ColumnData.nulls(like: theirs!.data, count: rowCount)
            let second = theirs?.data ?? ColumnData.nulls(like: mine!.data, count: other.rowCount)
            result.append(Column(name: name, origin: origin, data: first.appending(second)))
        }
        return result
    }
}

extension ColumnData {
    /// A column of `count` nulls of the same type as `model`.
    static func nulls(like model: ColumnData, count: Int) -> ColumnData {
        switch model {
        case .text: .text(TextColumn(codes: TextCodes.nulls(count: count), dictionary: TextDictionary()))
        case .number: .number(Array(repeating: .nan, count: count))
        case .timestamp: .timestamp(Array(repeating: Null.timestamp, count: count))
        case .duration: .duration(Array(repeating: Null.timestamp, count: count))
        case .count: .count(Array(repeating: Null.count, count: count))
        }
    }

    func appending(_ other: ColumnData) -> ColumnData {
        switch (self, other) {
        case (.text(let a), .text(let b)):
            var dictionary = a.dictionary
            let remap = (0..<b.dictionary.count).map { code in
                b.dictionary.withBytes(of: UInt32(code)) { dictionary.intern($0) }
            }
            let codes = a.codes.wide + b.codes.wide.map { $0 == Null.textCode ? Null.textCode : remap[Int($0)] }
            return .text(TextColumn(codes: codes, dictionary: dictionary))
        case (.number(let a), .number(let b)): return .number(a + b)
        case (.timestamp(let a), .timestamp(let b)): return .timestamp(a + b)
        case (.duration(let a), .duration(let b)): return .duration(a + b)
        case (.count(let a), .count(let b)): return .count(a + b)
        default: return asText.appending(other.asText)
        }
    }

    /// The column as text, each value written as CSV output would write it.
    var asText: ColumnData {
        if case .text = self { return self }
        var dictionary = TextDictionary()
        let codes = (0..<count).map { row -> UInt32 in
            guard let text = renderedValue(row) else { return Null.textCode }
            return dictionary.intern(text)
        }
        return .text(TextColumn(codes: codes, dictionary: dictionary))
    }

    /// The value in `row` written out plainly, or nil for a null.
    public func renderedValue(_ row: Int) -> String? {
        if isNull(row) { return nil }
        switch self {
        case .text(let column): return column.value(at: row)
        case .number(let values):
            let value = values[row]
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .timestamp(let values): return CivilDate.iso8601(values[row])
        case .duration(let values): return String(TimeScale.hours(Double(values[row])))
        case .count(let values): return String(values[row])
        }
    }
}
