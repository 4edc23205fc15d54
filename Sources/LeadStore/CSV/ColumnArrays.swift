import Foundation

/// The arrays of a file's columns while the file is read.
///
/// They are made once, with room for as many rows as the file has line ends,
/// before any part is read; each part then writes its rows straight into its
/// own window of every array (`withWindows`), so no row is copied from a
/// part's buffer into the table afterwards. `finish` joins the windows up.
struct ColumnArrays {
    private var texts: [[UInt32]]
    private var times: [[Int64]]
    /// For a file with more columns than `windowLimit`: memory the parts
    /// write into instead, copied into the arrays by `finish`. (Reaching
    /// into an array's memory nests one call per array, too deep for a file
    /// with thousands of columns.)
    private var spare: SpareColumns?
    private static let windowLimit = 64

    init(textCount: Int, timeCount: Int, rows: Int) {
        if textCount + timeCount <= Self.windowLimit {
            texts = (0..<textCount).map { _ in .unwritten(count: rows) }
            times = (0..<timeCount).map { _ in .unwritten(count: rows) }
        } else {
            texts = Array(repeating: [], count: textCount)
            times = Array(repeating: [], count: timeCount)
            spare = SpareColumns(textCount: textCount, timeCount: timeCount, rows: rows)
        }
    }

    /// Where the parts write.
    struct Windows: @unchecked Sendable {
        let texts: [UnsafeMutablePointer<UInt32>]
        let times: [UnsafeMutablePointer<Int64>]

        /// The window of every column that starts at row `start`.
        func slices(start: Int, capacity: Int) -> (texts: [ColumnSlice<UInt32>], times: [ColumnSlice<Int64>]) {
            (texts.map { ColumnSlice(base: $0 + start, capacity: capacity) },
             times.map { ColumnSlice(base: $0 + start, capacity: capacity) })
        }
    }

    /// Calls `body` with the columns' memory, to be written while it runs.
    mutating func withWindows<R, E: Error>(_ body: (Windows) throws(E) -> R) throws(E) -> R {
        if let spare { return try body(Windows(texts: spare.texts, times: spare.times)) }
        return try Self.withPointers(&texts, 0, []) { (texts) throws(E) -> R in
            try Self.withPointers(&times, 0, []) { (times) throws(E) -> R in
                try body(Windows(texts: texts, times: times))
            }
        }
    }

    /// The pointers to the arrays from `index` on, each array held out of
    /// `arrays` (so it is not shared) while `body` runs.
    private static func withPointers<T, R, E: Error>(
        _ arrays: inout [[T]], _ index: Int, _ collected: [UnsafeMutablePointer<T>],
        _ body: ([UnsafeMutablePointer<T>]) throws(E) -> R
    ) throws(E) -> R {
        guard index < arrays.count else { return try body(collected) }
        var array = arrays[index]
        arrays[index] = []
        defer { arrays[index] = array }
        return try array.withUnsafeMutableBufferPointer { (buffer) throws(E) -> R in
            try withPointers(&arrays, index + 1, collected + [buffer.baseAddress!], body)
        }
    }

    /// Copies `count` rows of every column, from the windows of another
    /// part's arrays (`texts`, `times`), to rows from `start`.
    /// Returns where each text column's rows now start.
    @discardableResult
    mutating func copyRows(texts sources: [UnsafePointer<UInt32>], times timeSources: [UnsafePointer<Int64>], to start: Int, count: Int)
        -> [UnsafeMutablePointer<UInt32>] {
        var targets: [UnsafeMutablePointer<UInt32>] = []
        for column in texts.indices {
            let target = spare.map { $0.texts[column] + start }
                ?? texts[column].withUnsafeMutableBufferPointer { $0.baseAddress! + start }
            target.update(from: sources[column], count: count)
            targets.append(target)
        }
        for column in times.indices {
            if let spare { (spare.times[column] + start).update(from: timeSources[column], count: count); continue }
            times[column].withUnsafeMutableBufferPointer { ($0.baseAddress! + start).update(from: timeSources[column], count: count) }
        }
        return targets
    }

    /// The finished columns, from the parts read, part `i` having written
    /// from row `starts[i]`: codes joined into one dictionary per column,
    /// rows moved up over the room a part did not use, arrays cut to the rows read.
    /// Columns of ids come last, once the others have let go of their
    /// four-byte arrays, and the parts' values are let go of as they are joined.
    mutating func finish(_ parts: inout [CSVPartReader.Columns], starts: [Int]) -> (texts: [TextColumn], times: [[Int64]]) {
        let counts = parts.map(\.rows)
        var finishedTexts = [TextColumn?](repeating: nil, count: texts.count)
        let idsLast = texts.indices.sorted { a, b in
            (parts.first?.texts[a].distinct != nil ? 1 : 0, a) < (parts.first?.texts[b].distinct != nil ? 1 : 0, b)
        }
        for index in idsLast {
            var builders = parts.map { $0.texts[index] }
            var slices = builders.map(\.codes)
            for part in parts.indices { parts[part].texts[index].letGoOfValues() }
            let joined = TextColumnBuilder.joinedDictionary(&builders)
            let codes: TextCodes
            switch TextCodeWidth(distinct: joined.dictionary.count) {
            case .byte: codes = narrowed(&texts[index], slices: slices, remaps: joined.remaps, as: UInt8.self)
            case .half: codes = narrowed(&texts[index], slices: slices, remaps: joined.remaps, as: UInt16.self)
            case .word:
                for part in slices.indices { slices[part].widenToWords() }
                let fix = { (part: Int, window: UnsafeMutableBufferPointer<UInt32>) -> Void in joined.remaps[part]?.apply(to: window) }
                let wide = finish(&texts[index], spare: spare?.texts[index], counts: counts, starts: starts, fix: fix)
                codes = TextCodes(padded: wide, count: wide.count)
            }
            finishedTexts[index] = TextColumn(codes: codes, dictionary: joined.dictionary)
        }
        var finishedTimes: [[Int64]] = []
        for index in times.indices {
            finishedTimes.append(finish(&times[index], spare: spare?.times[index], counts: counts, starts: starts) { _, _ in })
        }
        // Let go of the arrays, so the columns returned are their only holders.
        texts = []
        times = []
        spare = nil
        return (finishedTexts.map { $0! }, finishedTimes)
    }

    /// One finished text column of narrow codes: each part's codes, as
    /// narrow as they were written, changed by the part's remap and copied
    /// behind the part before it into codes of `Unit`'s width; the window
    /// array is let go.
    private func narrowed<Unit: TextCodeUnit>(
        _ array: inout [UInt32], slices: [TextCodeSlice], remaps: [CodeRemap?], as: Unit.Type
    ) -> TextCodes {
        let rows = slices.reduce(0) { $0 + $1.count }
        let firsts = slices.indices.map { part in slices[..<part].reduce(0) { $0 + $1.count } }
        let codes = [Unit](unsafeUninitializedCapacity: rows + Unit.padding) { buffer, initialized in
            // Each part's codes go to rows of their own: the parts are copied on every core.
            let target = SharedTarget(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: slices.count) { part in
                slices[part].copy(into: target.base + firsts[part], remap: remaps[part])
            }
            for row in rows..<rows + Unit.padding { buffer[row] = 0 }
            initialized = rows + Unit.padding
        }
        array = []
        return TextCodes(padded: codes, count: rows)
    }

    /// One finished column: each part's window passed to `fix`, then moved
    /// up behind the part before it.
    private func finish<T: BitwiseCopyable>(
        _ array: inout [T], spare: UnsafeMutablePointer<T>?, counts: [Int], starts: [Int],
        fix: (Int, UnsafeMutableBufferPointer<T>) -> Void
    ) -> [T] {
        let rows = counts.reduce(0, +)
        func join(_ base: UnsafeMutablePointer<T>) {
            var next = 0
            for (part, start) in starts.enumerated() {
                let window = UnsafeMutableBufferPointer(start: base + start, count: counts[part])
                fix(part, window)
                if start != next { memmove(base + next, base + start, counts[part] * MemoryLayout<T>.stride) }
                next += counts[part]
            }
        }
        if let spare {
            join(spare)
            return Array(UnsafeBufferPointer(start: spare, count: rows))
        }
        array.withUnsafeMutableBufferPointer { join($0.baseAddress!) }
        array.removeLast(array.count - rows)
        array.releaseSpareCapacity()
        let finished = array
        array = []
        return finished
    }
}

/// Where the parts' codes are copied to, each part its own rows.
private struct SharedTarget<Unit>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Unit>
}

/// Memory for the columns of a wide file, freed with the last reference.
private final class SpareColumns {
    let texts: [UnsafeMutablePointer<UInt32>]
    let times: [UnsafeMutablePointer<Int64>]

    init(textCount: Int, timeCount: Int, rows: Int) {
        texts = (0..<textCount).map { _ in Self.allocate(rows) }
        times = (0..<timeCount).map { _ in Self.allocate(rows) }
    }

    private static func allocate<T>(_ rows: Int) -> UnsafeMutablePointer<T> {
        Buffers.allocate(rows * MemoryLayout<T>.stride).bindMemory(to: T.self, capacity: rows)
    }

    deinit {
        for pointer in texts { free(pointer) }
        for pointer in times { free(pointer) }
    }
}

/// How the codes of one part's text column change when the parts' dictionaries are joined.
enum CodeRemap {
    /// Codes from `first` on are looked up in `codes`; codes below are the base dictionary's, and stay.
    case table(first: UInt32, codes: [UInt32])
    /// Every code moves up by this much.
    case shift(UInt32)

    func apply(to window: UnsafeMutableBufferPointer<UInt32>) {
        switch self {
        case .table(let first, let codes):
            codes.withUnsafeBufferPointer { codes in
                for row in window.indices {
                    let code = window[row]
                    if code != Null.textCode && code >= first { window[row] = codes[Int(code - first)] }
                }
            }
        case .shift(let shift):
            for row in window.indices where window[row] != Null.textCode { window[row] += shift }
        }
    }
}

extension TextColumnBuilder {
    /// The dictionary of a column read in parts, and for each part how its
    /// codes change (nil when they stay).
    /// The builders' values are let go of (as soon as they are copied, for ids).
    static func joinedDictionary(_ parts: inout [TextColumnBuilder]) -> (dictionary: TextDictionary, remaps: [CodeRemap?]) {
        if parts.allSatisfy({ $0.deferredCount != nil }) {
            let counts = parts.map { $0.deferredCount! }
            return (TextDictionary(deferredCount: counts.reduce(0, +)), shifts(counts))
        }
        if parts.allSatisfy({ $0.distinct != nil }) {
            var values = parts.map { $0.distinct! }
            for index in parts.indices { parts[index].letGoOfValues() }
            if !parts[0].keepsIndex && DistinctValues.allDiffer(values) {
                let remaps = shifts(values.map(\.count))
                return (TextDictionary(unindexed: &values), remaps)
            }
            var joined = joinedDistinct(values)
            if !parts[0].keepsIndex { joined.dictionary.dropIndex() }
            return joined
        }
        if parts.contains(where: { $0.distinct != nil }) { return joinedMixed(parts) }
        let first = UInt32(parts[0].base?.count ?? 0)
        var dictionary = parts[0].dictionary
        let remaps: [CodeRemap?] = parts.indices.map { index in
            guard index > 0, !parts[index].dictionary.isEmpty else { return nil }
            let codes = dictionary.absorb(parts[index].dictionary).map { first + $0 }
            let same = codes.indices.allSatisfy { codes[$0] == first + UInt32($0) }
            return same ? nil : .table(first: first, codes: codes)
        }
        guard var combined = parts[0].base else { return (dictionary, remaps) }
        // By bytes, not by `String`: two different invalid UTF-8 values read as the same string.
        _ = combined.absorb(dictionary)
        return (combined, remaps)
    }

    /// The dictionary of a column taken for ids in some parts of a file but
    /// not in others: every part's values interned again, in order.
    private static func joinedMixed(_ parts: [TextColumnBuilder]) -> (dictionary: TextDictionary, remaps: [CodeRemap?]) {
        var dictionary = TextDictionary()
        let remaps = parts.map { part -> CodeRemap? in
            let codes: [UInt32]
            if let distinct = part.distinct {
                codes = (0..<distinct.count).map { index in distinct.withBytes(of: index) { dictionary.intern($0) } }
            } else {
                codes = (0..<part.dictionary.count).map { code in part.dictionary.withBytes(of: UInt32(code)) { dictionary.intern($0) } }
            }
            return .table(first: 0, codes: codes)
        }
        return (dictionary, remaps)
    }

    /// How the codes of each part move when the parts' values are put one after another.
    private static func shifts(_ counts: [Int]) -> [CodeRemap?] {
        var shift = 0
        return counts.map { count -> CodeRemap? in
            defer { shift += count }
            return shift == 0 ? nil : .shift(UInt32(shift))
        }
    }

    /// The dictionary of a column whose values should all differ.
    private static func joinedDistinct(_ parts: [DistinctValues]) -> (dictionary: TextDictionary, remaps: [CodeRemap?]) {
        if let dictionary = TextDictionary(distinct: parts) { return (dictionary, shifts(parts.map(\.count))) }
        // Some value comes twice: each repeat takes the code of its first appearance.
        var dictionary = TextDictionary()
        let remaps = parts.map { part -> CodeRemap? in
            .table(first: 0, codes: (0..<part.count).map { index in part.withBytes(of: index) { dictionary.intern($0) } })
        }
        return (dictionary, remaps)
    }
}
