/// Collects one text column while a file is read: a code per row into a
/// dictionary of distinct values. An unquoted empty field is null; a quoted
/// empty field (`""`) is empty text.
struct TextColumnBuilder {
    var dictionary = TextDictionary()
    var codes: [UInt32] = []

    init(capacity: Int) { codes.reserveCapacity(capacity) }

    @inline(__always)
    mutating func append(_ value: UnsafeRawBufferPointer, quoted: Bool) {
        codes.append(value.isEmpty && !quoted ? Null.textCode : dictionary.intern(value))
    }

    var column: TextColumn { TextColumn(codes: codes, dictionary: dictionary) }
}

/// Collects one timestamp column, remembering which form the column is
/// written in so that each value is tried in that form first.
struct TimestampColumnBuilder {
    var values: [Int64] = []
    var form = TimestampParser.Form.iso

    init(capacity: Int) { values.reserveCapacity(capacity) }

    /// Appends the value; returns the reason when it cannot be read.
    @inline(__always)
    mutating func append(_ value: UnsafeRawBufferPointer) -> TimestampParser.Outcome? {
        if value.isEmpty || isBlank(value) {
            values.append(Null.timestamp)
            return nil
        }
        let (outcome, used) = TimestampParser.parse(value, preferred: form)
        guard case .value(let seconds) = outcome else { return outcome }
        form = used
        values.append(seconds)
        return nil
    }

    private func isBlank(_ value: UnsafeRawBufferPointer) -> Bool {
        value.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
