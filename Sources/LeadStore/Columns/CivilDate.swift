/// Conversions between calendar dates and days since 1970-01-01, in the
/// proleptic Gregorian calendar, exact for every year from 1 to 9999.
public enum CivilDate {
    /// Days from 1970-01-01 to the given date (negative before it).
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date `days` after 1970-01-01.
    public static func date(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `2025-03-04T09:15:07Z` for a moment in stored units since the epoch
    /// (years 0–9999); `2025-03-04T09:15:07.250Z` when the second has a fraction.
    public static func iso8601(_ moment: Int64) -> String {
        guard let parts = isoParts(moment) else { return outOfRange(moment) }
        let length = parts.millisecond == 0 ? 20 : 24
        return String(unsafeUninitializedCapacity: length) { buffer in
            fill(buffer.baseAddress!, parts)
            return length
        }
    }

    /// Appends `iso8601(moment)` to `out`, without making a `String` for years 0–9999.
    public static func writeISO8601(_ moment: Int64, into out: inout [UInt8]) {
        guard let parts = isoParts(moment) else { return out += outOfRange(moment).utf8 }
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: parts.millisecond == 0 ? 20 : 24))
        out.withUnsafeMutableBufferPointer { fill($0.baseAddress! + start, parts) }
    }

    /// The day and the time into it of a moment in stored units.
    public static func split(_ moment: Int64) -> (day: Int, millisecondOfDay: Int) {
        let perDay = TimeScale.perDay
        let day = (moment >= 0 ? moment : moment - (perDay - 1)) / perDay
        let rest = moment - day * perDay
        return (Int(day), Int(rest * 1000 / TimeScale.perSecond))
    }

    private typealias ISOParts = (year: Int, month: Int, day: Int, secondOfDay: Int, millisecond: Int)

    private static func isoParts(_ moment: Int64) -> ISOParts? {
        let (days, millisecondOfDay) = split(moment)
        let (y, m, d) = date(daysSinceEpoch: days)
        return (0...9999).contains(y) ? (y, m, d, millisecondOfDay / 1000, millisecondOfDay % 1000) : nil
    }

    private static func outOfRange(_ moment: Int64) -> String {
        let (days, millisecondOfDay) = split(moment)
        let secondOfDay = millisecondOfDay / 1000, millisecond = millisecondOfDay % 1000
        let (y, m, d) = date(daysSinceEpoch: days)
        let fraction = millisecond == 0 ? "" : "." + String(String(1000 + millisecond).dropFirst())
        return "\(y)-\(m)-\(d)T\(secondOfDay / 3600):\(secondOfDay / 60 % 60):\(secondOfDay % 60)\(fraction)Z"
    }

    /// Writes the 20 bytes of an ISO 8601 moment at `buffer`, or 24 with milliseconds.
    private static func fill(_ buffer: UnsafeMutablePointer<UInt8>, _ parts: ISOParts) {
        func put(_ value: Int, _ width: Int, at offset: Int) {
            var rest = value
            for i in stride(from: offset + width - 1, through: offset, by: -1) {
                buffer[i] = UInt8(0x30 + rest % 10)
                rest /= 10
            }
        }
        put(parts.year, 4, at: 0); buffer[4] = 0x2D
        put(parts.month, 2, at: 5); buffer[7] = 0x2D
        put(parts.day, 2, at: 8); buffer[10] = 0x54
        put(parts.secondOfDay / 3600, 2, at: 11); buffer[13] = 0x3A
        put(parts.secondOfDay / 60 % 60, 2, at: 14); buffer[16] = 0x3A
        put(parts.secondOfDay % 60, 2, at: 17)
        if parts.millisecond == 0 {
            buffer[19] = 0x5A
        } else {
            buffer[19] = 0x2E
            put(parts.millisecond, 3, at: 20); buffer[23] = 0x5A
        }
    }
}
