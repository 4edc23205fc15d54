/// Reads the CSV an engine answers with (RFC 4180: quoted fields may hold
/// commas, quotes and line breaks). `null` marks a null field.
enum EngineCSV {
    static func rows(_ bytes: [UInt8], null: String) -> [[String?]] {
        var rows: [[String?]] = []
        var row: [String?] = []
        var field: [UInt8] = []
        var quoted = false, wasQuoted = false
        var i = 0
        func endField() {
            let text = String(decoding: field, as: UTF8.self)
            row.append(!wasQuoted && text == null ? nil : text)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while i < bytes.count {
            let byte = bytes[i]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                quoted = true
                wasQuoted = true
            } else if byte == UInt8(ascii: ",") {
                endField()
            } else if byte == UInt8(ascii: "\n") {
                endField()
                rows.append(row)
                row = []
            } else if byte != UInt8(ascii: "\r") {
                field.append(byte)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }
}
