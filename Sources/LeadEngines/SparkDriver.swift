import Foundation

/// One long-lived Spark session for the whole leadq process: the Python
/// driver program is started on the first statement, set up once (master,
/// zones, the `leads` and `touches` views), and then answers statement after
/// statement, so only the first pays for the JVM's start.
///
/// Ctrl-C while a statement runs asks the driver (a cancel line) to cancel Spark's
/// jobs and waits a moment for its answer, which is dropped; a driver that
/// does not answer in time, or one stopped while it starts, is killed with
/// its JVM and starts again on the next statement. The driver dies with leadq.
final class SparkDriver: @unchecked Sendable {
    let install: SparkInstall
    let master: SparkMaster
    /// The setup line: master, configuration and tables, as JSON.
    let setup: [String: Any]
    /// Whether Spark's own output and tracebacks reach standard error.
    let verbose: Bool
    /// How long a cancelled statement may take to give up before the driver is killed.
    static let cancelGrace: Duration = .seconds(5)

    private let lock = NSLock()
    private var process: Process?
    private var input: FileHandle?
    private var output: FileHandle?
    private var buffer = Data()
    /// Why the session could not start, once it has failed.
    private var broken: String?
    /// Whether Ctrl-C was pressed, for the waits no statement asks about: the
    /// session's start (for a statement, the banner's counts or a value
    /// list), a table's sample, its views.
    private let interrupted: (@Sendable () -> Bool)?

    init(install: SparkInstall, master: SparkMaster, setup: [String: Any], verbose: Bool, interrupted: (@Sendable () -> Bool)? = nil) {
        self.install = install
        self.master = master
        self.setup = setup
        self.verbose = verbose
        self.interrupted = interrupted
    }

    deinit {
        try? input?.close()
    }

    /// Runs one statement in the session at `zone`: its column names, then its rows.
    func answer(_ sql: String, zone: String, isCancelled: (@Sendable () -> Bool)? = nil) throws(EngineError) -> [[String?]] {
        lock.lock()
        defer { lock.unlock() }
        try start(isCancelled: isCancelled ?? interrupted)
        let reply = try exchange(["sql": sql, "zone": zone], isCancelled: isCancelled, setting: false)
        guard let names = reply["columns"] as? [String], let rows = reply["rows"] as? [[Any]] else {
            throw EngineError(message: EngineMessages.unreadable("spark"))
        }
        return [names] + rows.map { row in row.map { $0 as? String } }
    }

    /// The first `rows` rows of tables the session knows, by view name, as CSV text.
    func sample(_ tables: [String: String], rows: Int) throws(EngineError) -> [String: String] {
        lock.lock()
        defer { lock.unlock() }
        try start(isCancelled: interrupted)
        guard let samples = try settle(["sample": tables, "rows": rows])["samples"] as? [String: String] else {
            throw EngineError(message: EngineMessages.unreadable("spark"))
        }
        return samples
    }

    /// Makes (or remakes) views over tables the session knows.
    func define(_ tables: [String: Any]) throws(EngineError) {
        lock.lock()
        defer { lock.unlock() }
        try start(isCancelled: interrupted)
        _ = try settle(["tables": tables])
    }

    /// An exchange that sets the session up; Ctrl-C stops the driver, whose
    /// late answer would otherwise be read as the next statement's.
    private func settle(_ request: [String: Any]) throws(EngineError) -> [String: Any] {
        do {
            return try exchange(request, isCancelled: interrupted, setting: true)
        } catch {
            if error.message == EngineMessages.interrupted { stop() }
            throw error
        }
    }

    /// Starts the driver and sets the session up, once.
    private func start(isCancelled: (@Sendable () -> Bool)?) throws(EngineError) {
        if let broken { throw EngineError(message: broken) }
        guard process == nil else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: install.python)
        process.arguments = ["-c", Self.script]
        var environment = install.environment(ProcessInfo.processInfo.environment, master: master)
        environment["LEADQ_PARENT"] = String(getpid())
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = verbose ? FileHandle.standardError : FileHandle.nullDevice
        do { try process.run() } catch {
            broken = EngineMessages.sparkFailed(master.url, "\(error)")
            throw EngineError(message: broken!)
        }
        self.process = process
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        do {
            _ = try exchange(setup, isCancelled: isCancelled, setting: true)
        } catch {
            if error.message != EngineMessages.interrupted { broken = error.message }
            stop()
            throw error
        }
    }

    /// Kills the driver and its JVM (the driver leads a process group of its own).
    private func stop() {
        guard let process else { return }
        let pid = process.processIdentifier
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        try? input?.close()
        process.waitUntilExit()
        self.process = nil
        input = nil
        output = nil
        buffer = Data()
    }

    /// Writes one request line and reads the one answer line.
    private func exchange(_ request: [String: Any], isCancelled: (@Sendable () -> Bool)?, setting: Bool) throws(EngineError) -> [String: Any] {
        guard let input, let body = try? JSONSerialization.data(withJSONObject: request) else {
            throw EngineError(message: EngineMessages.sparkFailed(master.url, "the session is closed"))
        }
        guard PipeIO.writeEvery(input.fileDescriptor, body + Data([10])) else {
            stop()
            throw EngineError(message: EngineMessages.sparkEnded(master.url))
        }
        let line: Data
        switch readLine(isCancelled: isCancelled, setting: setting) {
        case .line(let read): line = read
        case .ended:
            stop()
            broken = EngineMessages.sparkEnded(master.url)
            throw EngineError(message: broken!)
        case .interrupted:
            throw EngineError(message: EngineMessages.interrupted)
        }
        guard let reply = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
            throw EngineError(message: EngineMessages.unreadable("spark"))
        }
        if reply["ok"] as? Bool == true { return reply }
        let error = reply["error"] as? String ?? ""
        switch reply["kind"] as? String {
        case "install": throw EngineError(message: EngineMessages.sparkMissing)
        case "start": throw EngineError(message: EngineMessages.sparkFailed(master.url, error))
        case "tables": throw EngineError(message: EngineMessages.sparkTables(error))
        default: throw EngineError(message: EngineMessages.sparkStatement(error))
        }
    }

    private enum Reading {
        case line(Data)
        case ended
        case interrupted
    }

    /// The next line the driver writes. Ctrl-C during setup stops the driver
    /// at once; during a statement it cancels Spark's jobs, drops the answer
    /// and keeps the session, unless the driver does not answer in time.
    private func readLine(isCancelled: (@Sendable () -> Bool)?, setting: Bool) -> Reading {
        var searched = 0
        var cancelled: ContinuousClock.Instant?
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let end = buffer[(buffer.startIndex + searched)...].firstIndex(of: 10) {
                let line = Data(buffer[buffer.startIndex..<end])
                buffer = Data(buffer[buffer.index(after: end)...])
                return cancelled == nil ? .line(line) : .interrupted
            }
            searched = buffer.count
            guard let output, process != nil else { return .ended }
            if cancelled == nil, isCancelled?() == true {
                if setting { return .interrupted }
                cancelled = .now
                if let input { _ = PipeIO.writeEvery(input.fileDescriptor, Data(#"{"cancel": true}"#.utf8) + Data([10])) }
            }
            if let cancelled, ContinuousClock.now - cancelled > Self.cancelGrace {
                stop()
                return .interrupted
            }
            guard PipeIO.ready(output.fileDescriptor, milliseconds: 100) else { continue }
            let count = PipeIO.read(output.fileDescriptor, into: &chunk)
            guard count > 0 else {
                if cancelled != nil { stop(); return .interrupted }
                return .ended
            }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}
