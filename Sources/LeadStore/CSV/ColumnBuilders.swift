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
    /// Whether the finished dictionary keeps its hash table (false for a
    /// column found to hold ids, which nothing looks values up in while loading).
    let keepsIndex: Bool
    let base: TextDictionary?
    /// `base`'s values by their bytes, when they are all short (a faster lookup).
    let keys: ShortKeyTable?
    var codes: TextCodeSlice
    private var lastValue = UnsafeRawBufferPointer(start: nil, count: 0)
    private var lastCode = Null.textCode
    /// The code last found in `base`.
    private var lastBaseCode = UInt32.max
    /// Whether the last value looked up in `base` was the one after the one before
    /// (touches in the leads' order), so the next is tried first.
    private var followsBase = true
    /// Values to look up in `base` together, with their rows (see `TextDictionary.codes(of:count:into:)`).
    private var pending: PendingLookups?
    private var shortValues: ShortValueCache?
    /// Values (not nulls) appended so far, until the column is known to hold ids or not.
    private var probed = 0
    /// For a column left in its file (see `DeferredColumns`): how many values
    /// it has had; each value's code is its number among them.
    private(set) var deferredCount: Int?

    /// After this many values that all differ, a column without a base is
    /// taken to hold ids (an activity's own id, say): its values are then
    /// collected in order like `unique` ones, without a lookup each, and
    /// checked for repeats once the file is read.
    static let idProbe = 1024

    /// `unique`: the values are expected to differ row by row (ids), so they
    /// are collected in order and indexed once the whole file is read.
    init(codes: ColumnSlice<UInt32>, base: TextDictionary? = nil, keys: ShortKeyTable? = nil, unique: Bool = false, deferred: Bool = false) {
        self.base = base
        self.keys = keys
        // Codes of ids, and of a base dictionary of ids, are four bytes from the start.
        self.codes = TextCodeSlice(base: codes.base, capacity: codes.capacity, wide: unique || deferred || base != nil)
        if deferred { deferredCount = 0 }
        keepsIndex = unique || base != nil
        if unique { distinct = DistinctValues(capacity: codes.capacity) }
        // Ids (unique, or found in a base) would only fill the cache.
        shortValues = unique || base != nil ? nil : ShortValueCache()
        if unique || base != nil { probed = Self.idProbe + 1 }
        if base != nil { pending = PendingLookups() }
    }

    /// Appends a value. `stable` says its bytes stay where they are until the
    /// column is finished (true for the file's own bytes, false for a scratch copy).
    ///
    /// A short value already seen in a column of few values (a channel, a
    /// rep) is found here, in the reading loop; everything else takes `add`.
    @inline(__always)
    mutating func append(_ value: UnsafeRawBufferPointer, quoted: Bool, stable: Bool) {
        if value.isEmpty && !quoted {
            codes.append(Null.textCode)
            return
        }
        if let known = shortValues?.code(of: value) {
            // A value seen before: the column does not hold ids.
            if probed <= Self.idProbe { probed = Self.idProbe + 1 }
            codes.append(known)
            return
        }
        add(value, stable: stable)
    }

    /// `append` of a value that is not null and not in the short values' cache.
    @inline(never)
    private mutating func add(_ value: UnsafeRawBufferPointer, stable: Bool) {
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
            if followsBase, next < base.count, base.holds(value, at: next) {
                code = next
                lastBaseCode = code
            } else if stable {
                // Looked up with the next few, its code written then; meanwhile no value repeats it.
                pending!.add(value, row: codes.count)
                codes.append(Null.textCode)
                lastCode = Null.textCode
                if pending!.isFull { settlePending() }
                return
            } else {
                code = base.code(of: value) ?? UInt32(base.count) + dictionary.intern(value)
                found(code, in: base)
            }
        } else {
            code = dictionary.intern(value)
            shortValues?.insert(value, code: code)
        }
        if probed <= Self.idProbe { probe() }
        codes.append(code)
        if stable {
            lastValue = value
            lastCode = code
        } else {
            lastCode = Null.textCode
        }
    }
}

extension TextColumnBuilder {
    /// Notes a value of a column left in its file: its number, or null.
    @inline(__always)
    mutating func appendDeferred(isNull: Bool) {
        if isNull {
            codes.append(Null.textCode)
        } else {
            codes.append(UInt32(truncatingIfNeeded: deferredCount!))
            deferredCount! += 1
        }
    }

    /// Drops this builder's hold on its values, once they have been handed on.
    mutating func letGoOfValues() {
        if distinct != nil { distinct = DistinctValues(capacity: 0, keepsHashes: false) }
        dictionary = TextDictionary()
    }

    /// Looks up the values waiting for `base`, all at once; to be called when the part is read.
    mutating func settlePending() {
        guard let base, pending!.count > 0 else { return }
        let batch = pending!
        batch.withValues { values, rows, count in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: TextDictionary.batchLimit) { looked in
                if let keys {
                    keys.codes(of: values, count: count, into: looked.baseAddress!)
                } else {
                    base.codes(of: values, count: count, into: looked.baseAddress!)
                }
                for index in 0..<count {
                    var code = looked[index]
                    if code == Null.textCode {
                        code = UInt32(base.count) + dictionary.intern(values[index])
                    }
                    found(code, in: base)
                    codes.set(rows[index], code)
                }
            }
        }
        pending!.removeAll()
    }

    /// Notes a code looked up in `base`.
    @inline(__always)
    private mutating func found(_ code: UInt32, in base: TextDictionary) {
        followsBase = code == lastBaseCode &+ 1
        if code < base.count { lastBaseCode = code }
    }

    /// Counts a value toward `idProbe`; once that many all differ, the
    /// values so far move to `distinct` (their codes are their places there already).
    private mutating func probe() {
        probed += 1
        guard probed == Self.idProbe else { return }
        if dictionary.count == probed {
            distinct = DistinctValues(dictionary, capacity: codes.capacity)
            dictionary = TextDictionary()
            shortValues = nil
        }
        probed = Self.idProbe + 1
    }
}

/// Values of a column waiting to be looked up in its base dictionary, with their rows.
struct PendingLookups {
    private var values = [UnsafeRawBufferPointer](repeating: UnsafeRawBufferPointer(start: nil, count: 0), count: TextDictionary.batchLimit)
    private var rows = [Int](repeating: 0, count: TextDictionary.batchLimit)
    private(set) var count = 0

    var isFull: Bool { count == TextDictionary.batchLimit }

    @inline(__always)
    mutating func add(_ value: UnsafeRawBufferPointer, row: Int) {
        values[count] = value
        rows[count] = row
        count += 1
    }

    mutating func removeAll() { count = 0 }

    func withValues(_ body: (UnsafePointer<UnsafeRawBufferPointer>, UnsafeBufferPointer<Int>, Int) -> Void) {
        values.withUnsafeBufferPointer { values in
            rows.withUnsafeBufferPointer { rows in body(values.baseAddress!, rows, count) }
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
