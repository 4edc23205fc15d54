import Foundation

/// Collects one text column while a file is read: a code per row into a
/// dictionary of distinct values. An unquoted empty field is null; a quoted
/// empty field (`""`) is empty text.
///
/// Exports often repeat a value row after row (touches sorted by lead, a
/// constant column), so the last value is remembered and compared first.
///
/// Sendable by hand: the remembered value points into the file's bytes, which
/// outlive every builder, and is only read by the thread appending.
///
/// With a `base` dictionary (the leads' ids, for the touches' `lead_id`) a
/// value is looked up there first and only values it lacks are added, after
/// its codes: touches then share the leads' dictionary instead of building a
/// second one of a million ids.
struct TextColumnBuilder: @unchecked Sendable {
    /// The values added here (after `base`'s, when there is one).
    var dictionary = TextDictionary()
    let base: TextDictionary?
    var codes: [UInt32] = []
    private var lastValue = UnsafeRawBufferPointer(start: nil, count: 0)
    private var lastCode = Null.textCode

    /// `unique`: the values are expected to differ row by row (ids), so the
    /// dictionary is sized for every row up front.
    init(capacity: Int, base: TextDictionary? = nil, unique: Bool = false) {
        self.base = base
        codes.reserveCapacity(capacity)
        if unique { dictionary = TextDictionary(capacity: capacity) }
    }

    /// Appends a value. `stable` says its bytes stay where they are until the
    /// column is finished (true for the file's own bytes, false for a scratch copy).
    @inline(__always)
    mutating func append(_ value: UnsafeRawBufferPointer, quoted: Bool, stable: Bool) {
        if value.isEmpty && !quoted {
            codes.append(Null.textCode)
            return
        }
        if lastCode != Null.textCode, value.count == lastValue.count,
           value.isEmpty || memcmp(value.baseAddress!, lastValue.baseAddress!, value.count) == 0 {
            codes.append(lastCode)
            return
        }
        let code: UInt32
        if let base {
            code = base.code(of: value) ?? UInt32(base.count) + dictionary.intern(value)
        } else {
            code = dictionary.intern(value)
        }
        codes.append(code)
        if stable {
            lastValue = value
            lastCode = code
        } else {
            lastCode = Null.textCode
        }
    }

    var column: TextColumn {
        guard var combined = base else { return TextColumn(codes: codes, dictionary: dictionary) }
        // By bytes, not by `String`: two different invalid UTF-8 values read as the same string.
        for code in 0..<dictionary.count { _ = dictionary.withBytes(of: UInt32(code)) { combined.intern($0) } }
        return TextColumn(codes: codes, dictionary: combined)
    }
}

/// Collects one timestamp column, remembering which form the column is
/// written in so that each value is tried in that form first.
struct TimestampColumnBuilder: Sendable {
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

extension TextColumnBuilder {
    /// Adds the rows of a builder of a later part of the same file.
    mutating func append(contentsOf other: TextColumnBuilder) {
        let first = UInt32(base?.count ?? 0)
        let remap = (0..<other.dictionary.count).map { code in
            first + other.dictionary.withBytes(of: UInt32(code)) { dictionary.intern($0) }
        }
        let start = codes.count
        codes.append(contentsOf: other.codes)
        guard !remap.isEmpty else { return }
        remap.withUnsafeBufferPointer { remap in
            codes.withUnsafeMutableBufferPointer { codes in
                for row in start..<codes.count where codes[row] != Null.textCode && codes[row] >= first {
                    codes[row] = remap[Int(codes[row] - first)]
                }
            }
        }
        lastCode = Null.textCode
    }
}
