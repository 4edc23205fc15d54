import Foundation
import LeadStore
import Testing

/// Columns of ids in a large touch file (`touch_id`, or an extra column
/// whose values all differ and can only be text) stay in the file until
/// asked for; once read they hold exactly what a load of every column reads,
/// on the rows as ordered by lead, and a file changed meanwhile is refused.
@Suite struct DeferredColumnTests {
    /// 150,000 touches in time order over 1,000 leads, scattered: an id with
    /// a repeat, a null, an empty quoted value and a doubled quote past the
    /// rows looked at; an extra id column; a repeating column; numeric ids.
    static func files() -> (leads: String, touches: String) {
        var leads = "lead_id,created_at\n"
        for lead in 0..<1_000 { leads += "L\(lead),2026-01-01T00:00:00Z\n" }
        var touches = "Activity ID,lead_id,at,channel,direction,ref,note,num\n"
        for row in 0..<150_000 {
            let id: String
            switch row {
            case 50_000: id = "A7"
            case 60_000: id = ""
            case 70_000: id = "\"\""
            case 80_000: id = "\"A\"\"q\""
            default: id = "A\(row)"
            }
            let minute = 1_000 + row / 60
            let at = String(format: "2026-01-%02dT%02d:%02d:00Z", 2 + minute / 1440, minute / 60 % 24, minute % 60)
            touches += "\(id),L\((row &* 7919) % 1_000),\(at),call,outbound,R-\(row),n\(row % 5),\(row)\n"
        }
        return (leads, touches)
    }

    private static func folder(_ files: (leads: String, touches: String)) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-deferred-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try files.leads.write(to: url.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try files.touches.write(to: url.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
        return url
    }

    private static func fromDisk(_ url: URL) throws -> LeadStore {
        try LeadStore(leads: DataSource(path: url.appendingPathComponent("leads.csv").path),
                      touches: [DataSource(path: url.appendingPathComponent("touches.csv").path)])
    }

    @Test func idColumnsAreReadWhenAskedAndHoldWhatAFullLoadHolds() throws {
        let files = Self.files()
        #expect(files.touches.utf8.count > 8 << 20, "the touch file must be large enough to leave ids in it")
        let url = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: url) }
        var store = try Self.fromDisk(url)
        #expect(store.deferred?.names.sorted() == ["ref", "touch_id"])
        #expect(store.touches["num"]?.kind == .number)
        #expect(store.touches["note"]?.kind == .text)
        // Everything read in memory leaves nothing in the file.
        let full = try load(leads: files.leads, touches: files.touches)
        #expect(full.deferred == nil)

        try store.loadDeferred(["ref"])
        #expect(store.deferred?.names == ["touch_id"])
        #expect(values(store.touches, "ref") == values(full.touches, "ref"))
        try store.loadDeferred()
        #expect(store.deferred == nil)
        let ids = values(store.touches, "touch_id")
        #expect(ids == values(full.touches, "touch_id"))
        #expect(ids.contains("A\"q") && ids.contains("") && ids.contains(nil))
        // The repeated id is one value with one code, as in a full load.
        let column = try #require(store.touches.text("touch_id"))
        #expect(column.dictionary.count == full.touches.text("touch_id")!.dictionary.count)
        let repeats = (0..<store.touches.rowCount).filter { ids[$0] == "A7" }
        #expect(repeats.count == 2 && column.codes[repeats[0]] == column.codes[repeats[1]])
    }

    @Test(arguments: ["grown", "rewritten", "removed"])
    func aFileChangedAfterTheLoadIsRefusedByName(change: String) throws {
        let files = Self.files()
        let url = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: url) }
        var store = try Self.fromDisk(url)
        let path = url.appendingPathComponent("touches.csv")
        if change == "grown" {
            let handle = try FileHandle(forWritingTo: path)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("A-extra,L1,2026-02-01T00:00:00Z,call,outbound,R-x,n1,1\n".utf8))
            try handle.close()
        } else if change == "removed" {
            try FileManager.default.removeItem(at: path)
        } else {
            // The same size, another time of change: the file was written again.
            try files.touches.replacingOccurrences(of: "R-1,", with: "R-9,").write(to: path, atomically: false, encoding: .utf8)
        }
        #expect {
            try store.loadDeferred(["touch_id"])
        } throws: { error in
            let message = (error as? LoadError)?.message ?? ""
            return change == "removed"
                ? message == "its column touch_id (read from the file when first used) cannot be read: no such file; load the data again (.open) to use it"
                : message.contains("changed after it was loaded, so its column touch_id")
        }
        #expect(store.deferred?.names.sorted() == ["ref", "touch_id"])
    }
}
