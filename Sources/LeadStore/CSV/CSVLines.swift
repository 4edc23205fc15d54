/// Finds the line a record starts on, for messages about rows found after the
/// file was read (such as a duplicate id). Slow, and only used on errors.
enum CSVLines {
    /// The starting line of each data record in `records` (0 is the first row after the header).
    static func lines(ofRecords records: [Int], in file: FileBytes) -> [Int] {
        file.withUnsafeBytes { bytes in
            var scanner = CSVScanner(bytes: bytes, file: file.name)
            var fields: [CSVField] = []
            var found: [Int: Int] = [:]
            var index = -1
            let wanted = Set(records)
            while found.count < wanted.count, (try? scanner.nextRecord(into: &fields)) == true {
                if wanted.contains(index) { found[index] = scanner.recordLine }
                index += 1
            }
            return records.map { found[$0] ?? 0 }
        }
    }
}
