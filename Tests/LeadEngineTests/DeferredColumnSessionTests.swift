import Foundation
import LeadEngine
import LeadQuery
import LeadStore
import Testing

/// A session reads a touch column left in its file only for a statement
/// that needs its values: one naming it (or naming a definition that does),
/// or listing every touch column. Other statements answer even when the
/// file has changed since the load; a file put back with its time of change
/// set back, or a FIFO in its place, is told apart and never blocks; Ctrl-C
/// stops the reading.
@Suite(.serialized) struct DeferredColumnSessionTests {
    /// 150,000 touches with an id each (over 8 MiB), lead ids scattered.
    static func folder() throws -> URL {
        var leads = "lead_id,created_at\n"
        for lead in 0..<1_000 { leads += "L\(lead),2026-01-01T00:00:00Z\n" }
        var touches = "Activity ID,lead_id,at,channel,direction,ref\n"
        for row in 0..<150_000 {
            let minute = 1_000 + row / 60
            let at = String(format: "2026-01-%02dT%02d:%02d:00Z", 2 + minute / 1440, minute / 60 % 24, minute % 60)
            touches += "A\(row),L\((row &* 7919) % 1_000),\(at),call,outbound,R-\(row)-xx\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-deferred-session-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try leads.write(to: url.appendingPathComponent("leads.csv"), atomically: true, encoding: .utf8)
        try touches.write(to: url.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
        return url
    }

    static func session(_ url: URL) throws -> Session {
        let store = try LeadStore(leads: DataSource(path: url.appendingPathComponent("leads.csv").path),
                                  touches: [DataSource(path: url.appendingPathComponent("touches.csv").path)])
        #expect(store.deferred?.names.sorted() == ["ref", "touch_id"])
        return Session(store: store, description: "deferred")
    }

    static func error(_ outcome: Result<StatementOutcome, Diagnostic>) -> String? {
        if case .failure(let diagnostic) = outcome { return diagnostic.message }
        return nil
    }

    @Test func statementsThatNeedNoIdsAnswerAfterTheFileChanged() throws {
        let url = try Self.folder()
        defer { try? FileManager.default.removeItem(at: url) }
        var first = try Self.session(url)
        // A definition reads its column when made; a statement not naming it does not read it again.
        #expect(Self.error(first.run("let mine = ref = \"R-12-xx\"")) == nil)
        var session = try Self.session(url)
        session.keep(first.definitions)
        try "A-1,L1,2026-02-01T00:00:00Z,call,outbound,R\n".write(to: url.appendingPathComponent("touches.csv"), atomically: true, encoding: .utf8)
        for statement in ["count", "list leads limit 1", "list touches lead_id limit 1", "list touches limit 1 | sql", "touches by channel",
                          "list touches where touch_id = \"A1\" | sql", "touches where ref in (\"R-1-xx\", \"R\") | sql"] {
            #expect(Self.error(session.run(statement)) == nil, "\(statement)")
        }
        for statement in ["touches where mine", "list touches limit 1", "touches where touch_id = \"A1\""] {
            let message = Self.error(session.run(statement))
            #expect(message?.contains("the file changed after it was loaded") == true, "\(statement): \(message ?? "answered")")
        }
    }

    @Test func aFileWrittenInPlaceWithItsTimeSetBackIsToldApart() throws {
        let url = try Self.folder()
        defer { try? FileManager.default.removeItem(at: url) }
        var session = try Self.session(url)
        let path = url.appendingPathComponent("touches.csv").path
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 50)
        try handle.write(contentsOf: Data("Z".utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)
        let message = Self.error(session.run("touches where touch_id = \"A1\""))
        #expect(message?.contains("the file changed after it was loaded") == true, "\(message ?? "answered")")
    }

    @Test func aFIFOInThePlaceOfTheFileDoesNotBlock() throws {
        let url = try Self.folder()
        defer { try? FileManager.default.removeItem(at: url) }
        var session = try Self.session(url)
        let path = url.appendingPathComponent("touches.csv").path
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        let message = Self.error(session.run("touches where touch_id = \"A1\""))
        #expect(message?.contains("the file changed after it was loaded") == true, "\(message ?? "answered")")
    }

    @Test func ctrlCStopsTheReading() throws {
        let url = try Self.folder()
        defer { try? FileManager.default.removeItem(at: url) }
        var session = try Self.session(url)
        let message = Self.error(session.run("touches where touch_id = \"A1\"", isCancelled: { true }))
        #expect(message?.contains("interrupted") == true, "\(message ?? "answered")")
        // Nothing was lost: the column is read when next asked.
        #expect(session.store.deferred?.names.contains("touch_id") == true)
        #expect(Self.error(session.run("touches where touch_id = \"A1\"")) == nil)
    }

    /// The reading of a column again reports its progress (the shell draws
    /// it as a bar): which columns it reads, then fractions up to the whole;
    /// a statement that reads none reports nothing, and a report that says
    /// stop stops the reading as Ctrl-C does.
    @Test func theReadingReportsItsProgress() throws {
        let url = try Self.folder()
        defer { try? FileManager.default.removeItem(at: url) }
        var session = try Self.session(url)
        let reports = Reports()
        #expect(Self.error(session.run("touches by channel", reading: reports.start)) == nil)
        #expect(reports.columns.isEmpty)
        #expect(Self.error(session.run("touches where ref = \"R-1-xx\" and touch_id = \"A1\"", reading: reports.start)) == nil)
        #expect(reports.columns == [["touch_id", "ref"]] || reports.columns == [["ref", "touch_id"]])
        #expect(reports.fractions.count >= 2)
        #expect(reports.fractions.allSatisfy { (0...1).contains($0) })

        var stopped = try Self.session(url)
        let message = Self.error(stopped.run("touches where touch_id = \"A1\"", reading: { _ in { _ in false } }))
        #expect(message?.contains("interrupted") == true, "\(message ?? "answered")")
        #expect(stopped.store.deferred?.names.contains("touch_id") == true)
    }

    /// What a reading reported.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var started: [[String]] = []
        private var reported: [Double] = []

        var columns: [[String]] { lock.withLock { started } }
        var fractions: [Double] { lock.withLock { reported } }

        func start(_ columns: [String]) -> LoadProgress {
            lock.withLock { started.append(columns) }
            return { fraction in
                self.lock.withLock { self.reported.append(fraction) }
                return true
            }
        }
    }
}
