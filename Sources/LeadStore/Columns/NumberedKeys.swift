import CKernels

/// The codes of a dictionary of ids that are numbers, each after the same
/// short prefix (`L0336245`, `1042`, `CUST-000917`), held in an array by
/// number: looking an id up reads its digits and one entry of an array of
/// four bytes a number (4 to 16 bytes an id, as the numbers are dense or
/// spread; a hash table's slots take 21 to 48).
///
/// Most CRMs number their records, so lead ids are often such numbers, close
/// together. The numbers must span at most `spread` times as many as there
/// are ids, or there are too few ids for the array to pay; the digits are
/// either all of one width (leading zeros then count) or have no leading
/// zeros, so that each id is one number and each number one id.
struct NumberedKeys: Sendable {
    /// The prefix's bytes, zero after its end, and its length.
    private let prefix: UInt64
    private let prefixLength: Int
    /// The one length of every id, when the digits are of one width.
    private let length: Int?
    private let lowest: Int
    /// `code + 1` of the id with number `lowest + i` at `i`; 0 for none.
    private let entries: [UInt32]

    /// How many numbers the span may hold per id.
    static let spread = 4
    /// The most digits an id may have.
    static let mostDigits = 18

    /// Nil when the ids are not all such numbers, close enough together.
    init?(_ dictionary: TextDictionary) {
        let count = dictionary.count
        guard count >= 1024, !dictionary.isDeferred, count < Int(UInt32.max) else { return nil }
        // The prefix is the first id's bytes before its digits.
        guard let first = dictionary.withBytes(of: 0, { Self.prefixLength(of: $0) }), first <= 8 else { return nil }
        let prefix = dictionary.withBytes(of: 0) { Self.word(UnsafeRawBufferPointer(rebasing: $0[0..<first])) }
        var lowest = Int.max, highest = Int.min
        var length: Int? = dictionary.withBytes(of: 0) { $0.count }
        var leadingZero = false
        for code in 0..<count {
            let read = dictionary.withBytes(of: UInt32(code)) { value -> (number: Int, leadingZero: Bool)? in
                guard value.count > first, Self.word(UnsafeRawBufferPointer(rebasing: value[0..<first])) == prefix else { return nil }
                if value.count != length { length = nil }
                guard let number = Self.number(UnsafeRawBufferPointer(rebasing: value[first...])) else { return nil }
                return (number, value[first] == 0x30 && value.count > first + 1)
            }
            guard let read else { return nil }
            lowest = min(lowest, read.number)
            highest = max(highest, read.number)
            leadingZero = leadingZero || read.leadingZero
        }
        // Digits of several widths with leading zeros: `L07` and `L7` would be one number.
        guard length != nil || !leadingZero, highest - lowest < count * Self.spread else { return nil }
        var entries = [UInt32](repeating: 0, count: highest - lowest + 1)
        for code in 0..<count {
            let number = dictionary.withBytes(of: UInt32(code)) { Self.number(UnsafeRawBufferPointer(rebasing: $0[first...]))! }
            entries[number - lowest] = UInt32(code + 1)
        }
        self.prefix = prefix
        prefixLength = first
        self.length = length
        self.lowest = lowest
        self.entries = entries
    }

    /// Writes the code of each of the first `count` values to `codes`
    /// (`Null.textCode` for a value not here); every value's entry is asked
    /// for (prefetched) before any is read.
    func codes(of values: UnsafePointer<UnsafeRawBufferPointer>, count: Int, into codes: UnsafeMutablePointer<UInt32>) {
        entries.withUnsafeBufferPointer { entries in
            for index in 0..<count {
                let place = self.place(of: values[index])
                codes[index] = UInt32(truncatingIfNeeded: place)
                if place >= 0 { leadq_prefetch(entries.baseAddress! + place) }
            }
            for index in 0..<count where codes[index] != Null.textCode {
                codes[index] = entries[Int(codes[index])] &- 1
            }
        }
    }

    /// The value's entry in `entries`, or -1 when it is no id of this form.
    @inline(__always)
    private func place(of value: UnsafeRawBufferPointer) -> Int {
        guard value.count > prefixLength, length == nil || value.count == length! else { return -1 }
        guard Self.word(UnsafeRawBufferPointer(rebasing: value[0..<prefixLength])) == prefix else { return -1 }
        let digits = UnsafeRawBufferPointer(rebasing: value[prefixLength...])
        // Ids of several widths have no leading zeros.
        if length == nil && digits.count > 1 && digits[0] == 0x30 { return -1 }
        guard let number = Self.number(digits) else { return -1 }
        let place = number &- lowest
        return place >= 0 && place < entries.count ? place : -1
    }

    /// The bytes before the first digit, when the value ends in digits only.
    private static func prefixLength(of value: UnsafeRawBufferPointer) -> Int? {
        guard let first = value.firstIndex(where: { $0 &- 0x30 <= 9 }) else { return nil }
        return number(UnsafeRawBufferPointer(rebasing: value[first...])) == nil ? nil : first
    }

    /// The number the bytes write, when they are 1 to `mostDigits` digits.
    @inline(__always)
    private static func number(_ digits: UnsafeRawBufferPointer) -> Int? {
        guard digits.count >= 1, digits.count <= mostDigits else { return nil }
        var number = 0
        for byte in digits {
            let digit = byte &- 0x30
            guard digit <= 9 else { return nil }
            number = number &* 10 &+ Int(digit)
        }
        return number
    }

    /// Up to eight bytes as one word, zero after their end.
    @inline(__always)
    private static func word(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var word: UInt64 = 0
        for (index, byte) in bytes.enumerated() { word |= UInt64(byte) << UInt64(index * 8) }
        return word
    }
}
