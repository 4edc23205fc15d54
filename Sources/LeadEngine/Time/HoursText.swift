import LeadQuery
import LeadStore

/// Reads the opening hours `set hours` is given, pointing any error at the
/// day or time it is about.
///
///     hours := part {"," part}
///     part  := days {days} range {range}
///     days  := DAY ["-" DAY] | "weekdays" | "weekend" | "daily"
///     range := TIME "-" TIME            (TIME: 9, 09:00 … 24:00)
struct HoursText {
    /// Day names and the days each stands for, Monday 0.
    static let dayWords: [String: [Int]] = {
        var words: [String: [Int]] = ["weekdays": Array(0...4), "weekend": [5, 6], "weekends": [5, 6], "daily": Array(0...6)]
        let names = [["mon", "monday"], ["tue", "tues", "tuesday"], ["wed", "weds", "wednesday"], ["thu", "thur", "thurs", "thursday"],
                     ["fri", "friday"], ["sat", "saturday"], ["sun", "sunday"]]
        for (day, spellings) in names.enumerated() { for spelling in spellings { words[spelling] = [day] } }
        return words
    }()

    /// What a misspelt day is matched against.
    static let suggestedWords = WeeklyHours.dayNames
        + ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "weekdays", "weekend", "daily"]

    private enum Kind { case word, time, dash, comma, other }
    private struct Piece { var kind: Kind; var start: Int; var end: Int }

    private let bytes: [UInt8]
    private let base: SourceRange
    private var pieces: [Piece] = []
    private var index = 0

    /// The hours written in `text`, which sits at `range` of the statement.
    static func parse(_ text: String, at range: SourceRange) throws(Diagnostic) -> WeeklyHours {
        var reader = HoursText(bytes: Array(text.utf8), base: range)
        return try reader.hours()
    }

    private init(bytes: [UInt8], base: SourceRange) {
        self.bytes = bytes
        self.base = base
        pieces = Self.split(bytes)
    }

    private mutating func hours() throws(Diagnostic) -> WeeklyHours {
        var days = [[Range<Int>]](repeating: [], count: 7)
        repeat {
            guard let first = peek, first.kind == .word else {
                throw error(EngineMessages.hoursExpectedDays(found: peek.map(text)), at: peek ?? endPiece)
            }
            var chosen: [Int] = []
            while let piece = peek, piece.kind == .word { chosen += try daySpan() }
            guard peek?.kind == .time else {
                throw error(EngineMessages.hoursExpectedRange(after: text(from: first, to: pieces[index - 1])), at: peek ?? endPiece)
            }
            while let piece = peek, piece.kind == .time {
                let range = try openRange()
                for day in chosen { days[day].append(range) }
            }
        } while accept(.comma)
        if let extra = peek { throw error(EngineMessages.hoursExpectedEnd(found: text(extra)), at: extra) }
        return WeeklyHours(days: days)
    }

    /// days := DAY ["-" DAY] | "weekdays" | "weekend" | "daily"; a range may wrap past Sunday.
    private mutating func daySpan() throws(Diagnostic) -> [Int] {
        let first = pieces[index]
        let from = try day(first)
        index += 1
        guard let dash = peek, dash.kind == .dash, index + 1 < pieces.count, pieces[index + 1].kind == .word else { return from }
        let last = pieces[index + 1]
        let to = try day(last)
        guard from.count == 1, to.count == 1 else {
            throw error(EngineMessages.hoursDayGroupRange, at: Piece(kind: .word, start: first.start, end: last.end))
        }
        index += 2
        var days = [from[0]]
        while days.last! != to[0] { days.append((days.last! + 1) % 7) }
        return days
    }

    private func day(_ piece: Piece) throws(Diagnostic) -> [Int] {
        let word = text(piece)
        if let days = Self.dayWords[word.lowercased()] { return days }
        let suggestion = NameMatcher.nearest(to: word, in: Self.suggestedWords)
        throw Diagnostic(.error, EngineMessages.hoursUnknownDay(word, suggestion: suggestion), at: range(of: piece), fixIt: suggestion)
    }

    /// range := TIME "-" TIME, opening before closing within the day.
    private mutating func openRange() throws(Diagnostic) -> Range<Int> {
        let opening = pieces[index]
        let start = try minute(opening)
        index += 1
        guard accept(.dash) else { throw error(EngineMessages.hoursExpectedClosing(text(opening)), at: peek ?? endPiece) }
        guard let closing = peek, closing.kind == .time else { throw error(EngineMessages.hoursExpectedClosing(text(opening)), at: peek ?? endPiece) }
        let end = try minute(closing)
        index += 1
        guard start < end else {
            throw error(EngineMessages.hoursBackwards(text(from: opening, to: closing), empty: start == end),
                        at: Piece(kind: .time, start: opening.start, end: closing.end))
        }
        return start..<end
    }

    /// TIME := H | HH | H:MM | HH:MM, from 00:00 to 24:00, in minutes.
    private func minute(_ piece: Piece) throws(Diagnostic) -> Int {
        let parts = text(piece).split(separator: ":", omittingEmptySubsequences: false)
        let valid = (1...2).contains(parts.count) && (1...2).contains(parts[0].count) && (parts.count == 1 || parts[1].count == 2)
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard valid, let hour = Int(parts[0]), let minute = parts.count == 2 ? Int(parts[1]) : 0,
              minute < 60, hour < 24 || (hour == 24 && minute == 0) else {
            throw error(EngineMessages.hoursBadTime(text(piece)), at: piece)
        }
        return hour * 60 + minute
    }

    // MARK: Pieces

    private var peek: Piece? { index < pieces.count ? pieces[index] : nil }
    private var endPiece: Piece { Piece(kind: .other, start: bytes.count, end: bytes.count) }

    private mutating func accept(_ kind: Kind) -> Bool {
        guard let piece = peek, piece.kind == kind else { return false }
        index += 1
        return true
    }

    private func text(_ piece: Piece) -> String { String(decoding: bytes[piece.start..<piece.end], as: UTF8.self) }
    private func text(from first: Piece, to last: Piece) -> String {
        String(decoding: bytes[first.start..<last.end], as: UTF8.self)
    }

    private func error(_ message: String, at piece: Piece) -> Diagnostic {
        Diagnostic(.error, message, at: range(of: piece))
    }

    /// Where a piece is in the statement.
    private func range(of piece: Piece) -> SourceRange {
        let before = bytes[..<piece.start]
        let newlines = before.filter { $0 == 0x0A }.count
        let lineStart = (before.lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0
        let characters = String(decoding: bytes[lineStart..<piece.start], as: UTF8.self).count
        return SourceRange(start: base.start + piece.start, end: base.start + max(piece.end, piece.start + 1),
                           line: base.line + newlines, column: newlines == 0 ? base.column + characters : 1 + characters)
    }

    /// Words, times (a digit then digits, colons or letters: `9am` is one, and wrong), dashes (`-`, `–`) and commas.
    private static func split(_ bytes: [UInt8]) -> [Piece] {
        var pieces: [Piece] = []
        var i = 0
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 || byte >= 0x80 && byte != 0xE2 }
        func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
        while i < bytes.count {
            let byte = bytes[i], start = i
            if [0x20, 0x09, 0x0A, 0x0D].contains(byte) { i += 1; continue }
            let kind: Kind
            if isDigit(byte) {
                while i < bytes.count, isDigit(bytes[i]) || bytes[i] == 0x3A || isLetter(bytes[i]) { i += 1 }
                kind = .time
            } else if isLetter(byte) {
                while i < bytes.count, isLetter(bytes[i]) { i += 1 }
                kind = .word
            } else if byte == 0x2D {
                i += 1
                kind = .dash
            } else if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 {
                i += 3
                kind = .dash
            } else if byte == 0x2C {
                i += 1
                kind = .comma
            } else {
                i += 1
                while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
                kind = .other
            }
            pieces.append(Piece(kind: kind, start: start, end: i))
        }
        return pieces
    }
}
