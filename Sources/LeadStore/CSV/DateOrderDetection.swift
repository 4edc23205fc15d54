import Foundation

/// What the dates of three numbers in one column showed about their order,
/// while it was read with no `--date-format`.
///
/// A value whose first number is past 12 (`26-02-2018`) fits only a
/// day-first reading and is read so; one whose second is past 12
/// (`02-26-2018`) fits only month-first; one that fits both (`01-02-2018`)
/// is read month-first and its row kept, to be read again day-first when
/// the column turns out day-first. Slashes with no deciding value stay
/// month-first, as US exports write them; dashes or dots are an error then.
struct DateOrderDetection: Sendable {
    /// A value that fits only a day-first reading, and one that fits only month-first.
    var dayFirstExample: String?
    var monthFirstExample: String?
    /// Rows (within the part) read month-first that a day-first reading would change.
    var ambiguousRows: [Int] = []
    /// A value that fits both readings and is not written with slashes.
    var undecidedExample: String?

    /// Notes the value about to be appended at `row`; returns the order to read it in.
    mutating func order(for value: UnsafeRawBufferPointer, row: Int) -> DateOrder {
        guard let (first, second) = DateOrder.leadingParts(value) else { return .monthFirst }
        switch (first <= 12, second <= 12) {
        case (false, true):
            if dayFirstExample == nil { dayFirstExample = Self.text(value) }
            return .dayFirst
        case (true, false):
            if monthFirstExample == nil { monthFirstExample = Self.text(value) }
            // The column cannot be day-first now: no row will be read again.
            ambiguousRows = []
        case (true, true):
            // `05-05-2018` reads the same either way.
            guard first != second else { break }
            if monthFirstExample == nil { ambiguousRows.append(row) }
            if undecidedExample == nil, !value.contains(0x2F) { undecidedExample = Self.text(value) }
        case (false, false): break
        }
        return .monthFirst
    }

    /// The detections of every part of a column, as one.
    static func joined(_ parts: [DateOrderDetection]) -> DateOrderDetection {
        var joined = DateOrderDetection()
        joined.dayFirstExample = parts.lazy.compactMap(\.dayFirstExample).first
        joined.monthFirstExample = parts.lazy.compactMap(\.monthFirstExample).first
        joined.undecidedExample = parts.lazy.compactMap(\.undecidedExample).first
        return joined
    }

    /// What the column's values decide: day-first, month-first (also when
    /// nothing decides and every undecided value has slashes), or an error.
    func decision(column: String) -> Result<DateOrder, DateOrderProblem> {
        switch (dayFirstExample, monthFirstExample) {
        case (let day?, let month?): return .failure(.mixed(column: column, dayFirst: day, monthFirst: month))
        case (.some, nil): return .success(.dayFirst)
        case (nil, .some): return .success(.monthFirst)
        case (nil, nil):
            if let undecided = undecidedExample { return .failure(.undecided(column: column, example: undecided)) }
            return .success(.monthFirst)
        }
    }

    private static func text(_ value: UnsafeRawBufferPointer) -> String {
        String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}

/// Why a column's dates could not be given an order.
enum DateOrderProblem: Error, Sendable {
    case mixed(column: String, dayFirst: String, monthFirst: String)
    case undecided(column: String, example: String)

    var message: String {
        switch self {
        case .mixed(let column, let dayFirst, let monthFirst):
            "\(column) has dates day first (\"\(dayFirst)\") and month first (\"\(monthFirst)\"); name the order with --date-format \(DateOrder.dayFirst.rawValue) or \(DateOrder.monthFirst.rawValue)"
        case .undecided(let column, let example):
            "\(column) has dates such as \"\(example)\" that read both day first and month first, and no value decides; name the order with --date-format \(DateOrder.dayFirst.rawValue) or \(DateOrder.monthFirst.rawValue)"
        }
    }
}
