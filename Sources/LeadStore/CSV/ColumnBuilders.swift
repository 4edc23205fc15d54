import Foundation

/// Collects one text column while a file is read: a code per row into a
/// dictionary of distinct values. An unquoted empty field is null; a quoted
/// empty field (`""`) is empty text.
///
/// Exports often repeat a value row after row (touches sorted by lead, a
/// constant column), so the last value is remembered and compared first;
/// short values of columns without a `base` are then looked up in a
/// `ShortValueCache` before the dictionary.
///
/// Sendable by hand: the remembered value points into the file's bytes, which
/// outlive every builder, and is only read by the thread appending. The
/// codes go straight into the part's window of the column's array.
///
/// With a `base` dictionary (the leads' ids, for the touches' `lead_id`) a
/// value is looked up there first and only values it lacks are added, after
/// its codes: touches then share the leads' dictionary instead of building a
/// second one of a million ids.
struct TextColumnBuilder: @unchecked Sendable {
    /// The values added here (after `base`'s, when there is one).
    var dictionary = TextDictionary()
    /// Instead of `dictionary`, for a column whose values should all differ:
    /// the values in order, indexed once the file is read.
    var distinct: DistinctValues?
    let base: TextDictionary?
    var codes: ColumnSlice<UInt32>
    private var lastValue = UnsafeRawBufferPointer(start: nil, count: 0)
    private var lastCode = Null.textCode
    /// The code last found in `base`.
    private var lastBaseCode = UInt32.max
    private var shortValues: ShortValueCache?

    /// `unique`: the values are expected to differ row by row (ids), so they
    /// are collected in order and indexed once the whole file is read.
    init(codes: ColumnSlice<UInt32>, base: TextDictionary? = nil, unique: Bool = false) {
        self.base = base
        self.codes = codes
        if unique { distinct = DistinctValues(capacity: codes.capacity) }
        // Ids (unique, or found in a base) would only fill the cache.
        shortValues = unique || base != nil ? nil : ShortValueCache()
    }

    /// Appends a value. `stable` says its bytes stay where they are until the
    /// column is finished (true for the file's own bytes, false for a scratch copy).
    mutating func append(_ value: UnsafeRawBufferPointer, quoted: Bool, stable: Bool) {
        if value.isEmpty && !quoted {
            codes.append(Null.textCode)
            return
        }
        if lastCode != Null.textCode, value.count == lastValue.count,
           value.isEmpty || TextDictionary.equal(value.baseAddress!, lastValue.baseAddress!, value.count) {
            codes.append(lastCode)
            return
        }
        let code: UInt32
        if distinct != nil {
            code = distinct!.append(value)
        } else if let base {
            // Touches exported in the leads' order name the next lead next: try it before hashing.
            let next = lastBaseCode &+ 1
            if next < base.count, base.holds(value, at: next) {
                code = next
            } else {
                code = base.code(of: value) ?? UInt32(base.count) + dictionary.intern(value)
            }
            if code < base.count { lastBaseCode = code }
        } else if let known = shortValues?.code(of: value) {
            code = known
        } else {
            code = dictionary.intern(value)
            shortValues?.insert(value, code: code)
        }
        codes.append(code)
        if stable {
            lastValue = value
            lastCode = code
        } else {
            lastCode = Null.textCode
        }
    }
}

/// Collects one timestamp column, remembering which form the column is
/// written in so that each value is tried in that form first. Dates of three
/// numbers are read in `order` when `--date-format` gave one; otherwise the
/// column's `detection` notes what they show. Values written without an
/// offset are times in `zone`.
struct TimestampColumnBuilder: Sendable {
    var values: ColumnSlice<Int64>
    var form = TimestampParser.Form.iso
    private var month = TimestampParser.MonthMemo()
    let order: DateOrder?
    let zone: ZoneRules
    private(set) var detection = DateOrderDetection()
    /// How many values had no offset (read in `zone`).
    private(set) var wallClockCount = 0
    /// Wall-clock times known to read with one offset, so most values skip the zone's rules.
    private var steady: (span: Range<Int64>, offset: Int64) = (0..<0, 0)

    init(values: ColumnSlice<Int64>, order: DateOrder? = nil, zone: ZoneRules = .utc) {
        self.values = values
        self.order = order
        self.zone = zone
    }

    /// Appends the value; returns the reason when it cannot be read.
    @inline(__always)
    mutating func append(_ value: UnsafeRawBufferPointer) -> TimestampParser.Outcome? {
        if value.isEmpty || isBlank(value) {
            values.append(Null.timestamp)
            return nil
        }
        if form == .iso, let moment = TimestampParser.compactISO(value, month: &month) {
            values.append(value.count == 19 ? instant(wall: moment) : moment)
            return nil
        }
        let order = self.order ?? detection.order(for: value, row: values.count)
        let (outcome, used) = TimestampParser.parse(value, preferred: form, order: order)
        guard case .value(let moment) = outcome else { return outcome }
        form = used
        values.append(TimestampParser.hasOffset(value, form: used) ? moment : instant(wall: moment))
        return nil
    }

    /// The moment a time without an offset names in `zone`.
    @inline(__always)
    private mutating func instant(wall: Int64) -> Int64 {
        wallClockCount += 1
        if zone.isUTC { return wall }
        if !steady.span.contains(wall) { steady = zone.steadySpan(around: wall) }
        return steady.span.contains(wall) ? wall - steady.offset : zone.instant(wall: wall)
    }

    private func isBlank(_ value: UnsafeRawBufferPointer) -> Bool {
        value.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
