import Foundation

/// One long-lived Spark session for the whole leadq process: the Python
/// driver program is started on the first statement, set up once (master,
/// zones, the `leads` and `touches` views), and then answers statement after
/// statement, so only the first pays for the JVM's start.
final class SparkDriver: @unchecked Sendable {
    let install: SparkInstall
    let master: SparkMaster
    /// The setup line: master, configuration and tables, as JSON.
    let setup: [String: Any]
    /// Whether Spark's own output and tracebacks reach standard error.
    let verbose: Bool

    private let lock = NSLock()
    private var process: Process?
    private var input: FileHandle?
    private var output: FileHandle?
    private var buffer = Data()
    /// Why the session could not start, once it has failed.
    private var broken: String?

    init(install: SparkInstall, master: SparkMaster, setup: [String: Any], verbose: Bool) {
        self.install = install
        self.master = master
        self.setup = setup
        self.verbose = verbose
    }

    deinit {
        try? input?.close()
    }

    /// Runs one statement in the session at `zone`: its column names, then its rows.
    func answer(_ sql: String, zone: String) throws(EngineError) -> [[String?]] {
        lock.lock()
        defer { lock.unlock() }
        try start()
        let reply = try exchange(["sql": sql, "zone": zone])
        guard let names = reply["columns"] as? [String], let rows = reply["rows"] as? [[Any]] else {
            throw EngineError(message: EngineMessages.unreadable("spark"))
        }
        return [names] + rows.map { row in row.map { $0 as? String } }
    }

    /// Starts the driver and sets the session up, once.
    private func start() throws(EngineError) {
        if let broken { throw EngineError(message: broken) }
        guard process == nil else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: install.python)
        process.arguments = ["-c", Self.script]
        process.environment = install.environment(ProcessInfo.processInfo.environment, master: master)
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
            _ = try exchange(setup)
        } catch {
            broken = error.message
            try? input?.close()
            throw error
        }
    }

    /// Writes one request line and reads the one answer line.
    private func exchange(_ request: [String: Any]) throws(EngineError) -> [String: Any] {
        guard let input, let body = try? JSONSerialization.data(withJSONObject: request) else {
            throw EngineError(message: EngineMessages.sparkFailed(master.url, "the session is closed"))
        }
        do { try input.write(contentsOf: body + Data([10])) } catch {
            throw EngineError(message: EngineMessages.sparkEnded(master.url))
        }
        guard let line = readLine() else {
            broken = EngineMessages.sparkEnded(master.url)
            throw EngineError(message: broken!)
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

    /// The next line the driver writes, or nil when it has ended.
    private func readLine() -> Data? {
        var searched = 0
        while true {
            if let end = buffer[(buffer.startIndex + searched)...].firstIndex(of: 10) {
                let line = Data(buffer[buffer.startIndex..<end])
                buffer = Data(buffer[buffer.index(after: end)...])
                return line
            }
            searched = buffer.count
            guard let output else { return nil }
            let chunk = output.availableData
            guard !chunk.isEmpty else { return nil }
            buffer.append(chunk)
        }
    }
}
