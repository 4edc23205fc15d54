/// Steps through the bytes of one value.
struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }
    func peek(at offset: Int) -> UInt8? { position + offset < bytes.count ? bytes[position + offset] : nil }
    mutating func advance() { position += 1 }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Skips spaces and tabs; returns how many.
    @discardableResult mutating func skipSpaces() -> Int {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return position - start
    }

    /// Takes a lower-case ASCII word, matched case-insensitively, if no letter follows it.
    mutating func takeWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let letters = word.utf8Start
        for i in 0..<count where bytes[position + i] | 0x20 != letters[i] { return false }
        if position + count < bytes.count {
            let next = bytes[position + count] | 0x20
            if next >= 0x61 && next <= 0x7A { return false }
        }
        position += count
        return true
    }

    /// Exactly `count` decimal digits.
    mutating func digits(exactly count: Int) -> Int? { digits(from: count, to: count) }

    /// Between `minimum` and `maximum` decimal digits, as many as there are;
    /// a range refuses a longer run of digits, an exact count stops after it.
    mutating func digits(from minimum: Int, to maximum: Int) -> Int? {
        var value = 0
        var taken = 0
        while taken < maximum, position < bytes.count {
            let digit = bytes[position] &- 0x30
            guard digit < 10 else { break }
            value = value * 10 + Int(digit)
            position += 1
            taken += 1
        }
        if taken < minimum { position -= taken; return nil }
        if minimum != maximum, taken == maximum, let next = peek, next &- 0x30 < 10 { position -= taken; return nil }
        return value
    }
}
