/// Reading a compiled zone file of the tz database (TZif, RFC 8536).
extension ZoneRules {
    /// The last year the file's closing rule is written out to.
    static let ruleYears = 2200

    /// The rules in `bytes`, named `name`; nil when they are not a TZif file.
    static func tzif(_ bytes: [UInt8], name: String) -> ZoneRules? {
        guard bytes.count >= 44, bytes[0] == 0x54, bytes[1] == 0x5A, bytes[2] == 0x69, bytes[3] == 0x66 else { return nil }
        func count(_ at: Int) -> Int {
            Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
        }
        func block(at header: Int, timeSize: Int) -> (counts: [Int], length: Int) {
            let counts = (0..<6).map { count(header + 20 + $0 * 4) }  // isut, isstd, leap, time, type, char
            let length = counts[3] * timeSize + counts[3] + counts[4] * 6 + counts[5] + counts[2] * (timeSize + 4) + counts[1] + counts[0]
            return (counts, length)
        }
        var header = 0, timeSize = 4
        var (counts, length) = block(at: 0, timeSize: 4)
        if bytes[4] >= 0x32 {
            header = 44 + length
            guard bytes.count >= header + 44 else { return nil }
            timeSize = 8
            (counts, length) = block(at: header, timeSize: 8)
        }
        let data = header + 44
        guard bytes.count >= data + length, counts[4] > 0 else { return nil }
        func signed(_ at: Int, _ size: Int) -> Int64 {
            var value: UInt64 = 0
            for i in 0..<size { value = value << 8 | UInt64(bytes[at + i]) }
            return size == 8 ? Int64(bitPattern: value) : Int64(Int32(bitPattern: UInt32(value)))
        }
        let timeCount = counts[3], typeStart = data + timeCount * timeSize + timeCount
        let typeOffsets = (0..<counts[4]).map { TimeScale.perSecond * signed(typeStart + $0 * 6, 4) }
        var transitions: [Int64] = [], offsets = [typeOffsets[0]]
        for i in 0..<timeCount {
            let type = Int(bytes[data + timeCount * timeSize + i])
            guard type < typeOffsets.count else { return nil }
            transitions.append(signed(data + i * timeSize, timeSize) * TimeScale.perSecond)
            offsets.append(typeOffsets[type])
        }
        if timeSize == 8, let rule = footer(bytes, from: data + length).flatMap(PosixZoneRule.init) {
            let last = transitions.last ?? Int64.min
            let fromYear = last == Int64.min ? 1970 : CivilDate.date(daysSinceEpoch: Int(last / TimeScale.perDay)).year
            if transitions.isEmpty { offsets = [rule.standard] }
            for year in fromYear...ruleYears {
                for change in rule.changes(year: year) where change.instant > (transitions.last ?? Int64.min) {
                    transitions.append(change.instant)
                    offsets.append(change.offset)
                }
            }
        }
        return ZoneRules(name: name, transitions: transitions, offsets: offsets)
    }

    /// The text between the two new lines that end a version 2+ file.
    private static func footer(_ bytes: [UInt8], from start: Int) -> String? {
        guard start < bytes.count, bytes[start] == 0x0A, let end = bytes[(start + 1)...].firstIndex(of: 0x0A) else { return nil }
        return String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
    }
}
