import Foundation
import LeadStore

/// Writes CSV rows as bytes, into memory or straight to a file in large
/// blocks, without making a `String` per value.
struct CSVByteWriter {
    private(set) var buffer: [UInt8] = []
    private let descriptor: Int32?
    private(set) var failure: Int32?

    /// Writes into memory; read `buffer` at the end.
    init() { descriptor = nil }

    /// Writes to an open file, flushing every megabyte.
    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 21)
    }

    mutating func text(_ value: String) {
        if value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            buffer.append(0x22)
            for byte in value.utf8 {
                if byte == 0x22 { buffer.append(0x22) }
                buffer.append(byte)
            }
            buffer.append(0x22)
        } else {
            buffer.append(contentsOf: value.utf8)
        }
    }

    /// Pre-escaped bytes, written as they are.
    mutating func raw(_ bytes: [UInt8]) { buffer.append(contentsOf: bytes) }

    mutating func comma() { buffer.append(0x2C) }

    mutating func endRow() {
        buffer.append(0x0A)
        if descriptor != nil && buffer.count >= 1 << 20 { flush() }
    }

    /// `prefix` followed by `number` zero-padded to `width` digits.
    mutating func identifier(_ prefix: UInt8, _ number: Int, width: Int) {
        buffer.append(prefix)
        digits(number, width: width)
    }

    /// `2025-03-04T09:15:07Z` (generated moments are whole seconds), made
    /// on the stack and appended at once.
    mutating func timestamp(_ moment: Int64) {
        let (days, millisecondOfDay) = CivilDate.split(moment)
        let secondOfDay = millisecondOfDay / 1000
        let (year, month, day) = CivilDate.date(daysSinceEpoch: days)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { text in
            Self.digits(year, width: 4, into: text, at: 0); text[4] = 0x2D
            Self.digits(month, width: 2, into: text, at: 5); text[7] = 0x2D
            Self.digits(day, width: 2, into: text, at: 8); text[10] = 0x54
            Self.digits(secondOfDay / 3600, width: 2, into: text, at: 11); text[13] = 0x3A
            Self.digits(secondOfDay / 60 % 60, width: 2, into: text, at: 14); text[16] = 0x3A
            Self.digits(secondOfDay % 60, width: 2, into: text, at: 17); text[19] = 0x5A
            buffer.append(contentsOf: text)
        }
    }

    /// `value` zero-padded to `width` digits (its last `width` digits).
    private mutating func digits(_ value: Int, width: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: width) { text in
            Self.digits(value, width: width, into: text, at: 0)
            buffer.append(contentsOf: text)
        }
    }

    @inline(__always)
    private static func digits(_ value: Int, width: Int, into text: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var rest = value
        for index in stride(from: start + width - 1, through: start, by: -1) {
            text[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
            rest /= 10
        }
    }

    /// Writes out what is buffered (files only).
    mutating func flush() {
        guard let descriptor, failure == nil else { return }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
