/// Gives an extra column its type from its distinct values.
///
/// A column is numeric when every non-empty value is a finite decimal
/// number, a timestamp when every non-empty value is a date or time leadq
/// reads (and it is not numeric), and text otherwise. Only the distinct
/// values are examined, so the cost does not grow with the row count.
/// Dates of three numbers are read in `order` (`--date-format`), or in the
/// order the values show; a column whose dates do not show one stays text.
enum ColumnInference {
    static func typed(_ text: TextColumn, order: DateOrder? = nil) -> (data: ColumnData, dayFirstExample: String?) {
        let dictionary = text.dictionary
        guard dictionary.count > 0 else { return (.text(text), nil) }
        if let numbers = convert(dictionary, with: number(_:)) {
            return (.number(text.codes.map { $0 == Null.textCode ? .nan : numbers[Int($0)] }), nil)
        }
        var detection = DateOrderDetection()
        var settled = order
        if settled == nil {
            for code in 0..<dictionary.count {
                _ = dictionary.withBytes(of: UInt32(code)) { detection.order(for: $0, row: code) }
            }
            settled = try? detection.decision(column: "").get()
        }
        guard let settled else { return (.text(text), nil) }
        if let times = convert(dictionary, with: { timestamp($0, order: settled) }) {
            let moments = times.map { $0.isNaN ? Null.timestamp : Int64($0) }
            let example = order == nil && settled == .dayFirst ? detection.dayFirstExample : nil
            return (.timestamp(text.codes.map { $0 == Null.textCode ? Null.timestamp : moments[Int($0)] }), example)
        }
        return (.text(text), nil)
    }

    /// Each distinct value converted, NaN for blank ones; nil when one does not convert
    /// or when every value is blank.
    private static func convert(
        _ dictionary: TextDictionary, with read: (UnsafeRawBufferPointer) -> Double?
    ) -> [Double]? {
        var result = [Double](repeating: .nan, count: dictionary.count)
        var any = false
        for code in 0..<dictionary.count {
            let value: Double?? = dictionary.withBytes(of: UInt32(code)) { bytes in
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .some(nil) }
                guard let converted = read(bytes) else { return nil }
                return .some(converted)
            }
            switch value {
            case .none: return nil
            case .some(.none): continue
            case .some(.some(let converted)):
                result[code] = converted
                any = true
            }
        }
        return any ? result : nil
    }

    /// A plain decimal number: optional sign, digits with an optional
    /// fraction, an optional exponent. No `nan`, `inf`, hex or thousands separators.
    static func number(_ bytes: UnsafeRawBufferPointer) -> Double? {
        var cursor = ByteCursor(bytes)
        cursor.skipSpaces()
        let start = cursor.position
        _ = cursor.take(0x2D) || cursor.take(0x2B)
        let integerDigits = cursor.countDigits()
        var fractionDigits = 0
        if cursor.take(0x2E) { fractionDigits = cursor.countDigits() }
        guard integerDigits + fractionDigits > 0 else { return nil }
        if cursor.take(0x65) || cursor.take(0x45) {
            _ = cursor.take(0x2D) || cursor.take(0x2B)
            guard cursor.countDigits() > 0 else { return nil }
        }
        let end = cursor.position
        cursor.skipSpaces()
        guard cursor.atEnd else { return nil }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Whether a column holding this value can only be text: it is not
    /// blank, not a number, and not a date or time in any order.
    static func isOnlyText(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || number(bytes) != nil { return false }
        return DateOrder.allCases.allSatisfy { timestamp(bytes, order: $0) == nil }
    }

    private static func timestamp(_ bytes: UnsafeRawBufferPointer, order: DateOrder) -> Double? {
        if case .value(let moment) = TimestampParser.parse(bytes, order: order).0 { return Double(moment) }
        return nil
    }
}

extension ByteCursor {
    /// Takes decimal digits; returns how many.
    mutating func countDigits() -> Int {
        let start = position
        while let byte = peek, byte &- 0x30 < 10 { position += 1 }
        return position - start
    }
}
