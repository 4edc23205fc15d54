/// One typed column of a table.
///
/// Values are stored in flat arrays, one element per row; a null is a
/// reserved value of the element type (`Null.timestamp`, `Null.count`,
/// `Null.textCode`, NaN for numbers), so a scan needs no second array.
public struct Column: Sendable {
    /// The field name analysts use: lower case, words joined by `_`.
    public var name: String
    /// The header the column came from, or how it was derived.
    public var origin: String
    public var data: ColumnData

    public init(name: String, origin: String, data: ColumnData) {
        self.name = name
        self.origin = origin
        self.data = data
    }

    public var kind: ColumnKind { data.kind }
    public var count: Int { data.count }
}

/// The values of a column, by type.
public enum ColumnData: Sendable {
    /// Dictionary-encoded text.
    case text(TextColumn)
    /// Numbers; NaN is null.
    case number([Double])
    /// Milliseconds since 1970-01-01T00:00:00Z (`TimeScale`); `Null.timestamp` is null.
    case timestamp([Int64])
    /// A length of time in milliseconds (`TimeScale`); `Null.timestamp` is null.
    case duration([Int64])
    /// Whole counts; `Null.count` is null.
    case count([Int32])

    public var kind: ColumnKind {
        switch self {
        case .text: .text
        case .number: .number
        case .timestamp: .timestamp
        case .duration: .duration
        case .count: .count
        }
    }

    public var count: Int {
        switch self {
        case .text(let column): column.codes.count
        case .number(let values): values.count
        case .timestamp(let values): values.count
        case .duration(let values): values.count
        case .count(let values): values.count
        }
    }

    /// Whether row `row` holds a null.
    public func isNull(_ row: Int) -> Bool {
        switch self {
        case .text(let column): column.codes[row] == Null.textCode
        case .number(let values): values[row].isNaN
        case .timestamp(let values), .duration(let values): values[row] == Null.timestamp
        case .count(let values): values[row] == Null.count
        }
    }

    /// Whether two rows hold the same value (two nulls count as the same).
    public func sameValue(_ a: Int, _ b: Int) -> Bool {
        switch self {
        case .text(let column): column.codes[a] == column.codes[b]
        case .number(let values): values[a] == values[b] || (values[a].isNaN && values[b].isNaN)
        case .timestamp(let values), .duration(let values): values[a] == values[b]
        case .count(let values): values[a] == values[b]
        }
    }

    /// How many rows hold a null.
    public var nullCount: Int {
        switch self {
        case .text(let column):
            column.codes.withReader { codes in (0..<column.codes.count).reduce(0) { $0 + (codes[$1] == Null.textCode ? 1 : 0) } }
        case .number(let values): values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .timestamp(let values), .duration(let values):
            values.reduce(0) { $0 + ($1 == Null.timestamp ? 1 : 0) }
        case .count(let values): values.reduce(0) { $0 + ($1 == Null.count ? 1 : 0) }
        }
    }

    /// The rows picked by `rows`, in that order.
    public func gathered(_ rows: [UInt32]) -> ColumnData {
        switch self {
        case .text(let column):
            .text(TextColumn(codes: column.codes.gathered(rows), dictionary: column.dictionary))
        case .number(let values): .number(values.gathered(rows))
        case .timestamp(let values): .timestamp(values.gathered(rows))
        case .duration(let values): .duration(values.gathered(rows))
        case .count(let values): .count(values.gathered(rows))
        }
    }
}

/// The type of a column as analysts see it.
public enum ColumnKind: String, Sendable, CaseIterable {
    case text, number, timestamp, duration, count
}

/// A text column: one code per row into a dictionary of distinct values.
public struct TextColumn: Sendable {
    public internal(set) var codes: TextCodes
    public let dictionary: TextDictionary

    /// Codes into `dictionary`, stored as narrow as its size allows.
    public init(codes: [UInt32], dictionary: TextDictionary) {
        self.codes = TextCodes(codes, distinct: dictionary.count)
        self.dictionary = dictionary
    }

    public init(codes: TextCodes, dictionary: TextDictionary) {
        self.codes = codes
        self.dictionary = dictionary
    }

    /// The text in row `row`, or nil for a null.
    public func value(at row: Int) -> String? {
        let code = codes[row]
        return code == Null.textCode ? nil : dictionary[code]
    }
}

/// The reserved values that stand for null in each column type.
public enum Null {
    public static let timestamp = Int64.min
    public static let count = Int32.min
    public static let textCode = UInt32.max
}

extension Array {
    /// The elements at `rows`, in that order.
    func gathered(_ rows: [UInt32]) -> [Element] {
        withUnsafeBufferPointer { source in
            rows.map { source[Int($0)] }
        }
    }
}
