import Foundation

/// A throwaway PostgreSQL server for one test: its own data folder under
/// /tmp, listening only on a unix socket there, stopped and removed by `stop`.
/// As root, `initdb` and the server run as the `postgres` user (initdb refuses root).
public final class PostgresServer {
    public let folder: String
    private let bin: String
    private let asUser: String?

    /// The variables that point libpq and psql at this server.
    public var environment: [String: String] { ["PGHOST": folder, "PGUSER": "postgres", "PGDATABASE": "postgres", "PGPORT": "5432"] }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `settings` are extra server settings (`timezone=America/Los_Angeles`).
    public init(settings: [String] = []) throws {
        guard let bin = Self.binaries() else {
            throw Failure(description: "no PostgreSQL server found (initdb); `make test` installs postgresql when missing")
        }
        self.bin = bin
        asUser = getuid() == 0 ? "postgres" : nil
        folder = try Self.makeFolder()
        if let asUser { _ = try Self.run("/bin/chown", ["\(asUser):\(asUser)", folder]) }
        try runAsServer("initdb", ["-D", "\(folder)/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"])
        try runAsServer("pg_ctl", ["-D", "\(folder)/data", "-l", "\(folder)/server.log", "-w", "-t", "30", "-o",
                                   "-c listen_addresses='' -k \(folder) -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                                       + settings.map { " -c \($0)" }.joined(),
                                   "start"])
    }

    /// Runs `body` with a new server, stopped afterwards whatever happens.
    public static func with(_ body: (PostgresServer) throws -> Void) throws {
        let server = try PostgresServer()
        defer { server.stop() }
        try body(server)
    }

    /// Stops the server and removes its folder.
    public func stop() {
        _ = try? runAsServer("pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs SQL through psql, stopping at the first error.
    @discardableResult
    public func psql(_ sql: String) throws -> String {
        try psql(in: "postgres", sql)
    }

    /// Runs SQL through psql in one database.
    @discardableResult
    public func psql(in database: String, _ sql: String) throws -> String {
        let psql = FileManager.default.isExecutableFile(atPath: "\(bin)/psql") ? "\(bin)/psql" : "/usr/bin/psql"
        return try Self.run(psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql], environment: environment)
    }

    /// Runs a server tool with posix_spawn, every descriptor past the standard
    /// three closed: the server that `pg_ctl start` leaves running would
    /// otherwise hold the test runner's pipes (and Foundation's Process's own
    /// exit-watching socket) open, and waiting for them would never end.
    private func runAsServer(_ tool: String, _ arguments: [String]) throws {
        let argv = (asUser.map { ["/usr/sbin/runuser", "-u", $0, "--"] } ?? []) + ["\(bin)/\(tool)"] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        Self.closeOnExec()
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw Failure(description: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            let log = (try? String(contentsOfFile: "\(folder)/server.log", encoding: .utf8)) ?? ""
            throw Failure(description: "\(tool) failed (status \(status)): \(log.suffix(2000))")
        }
    }

    /// Marks every descriptor past the standard three close-on-exec.
    private static func closeOnExec() {
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd > 2 {
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    private static func makeFolder() throws -> String {
        var template = Array("/tmp/leadq-pg-test.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "mkdtemp failed") }
        return String(cString: made)
    }

    /// The folder of `initdb` and `pg_ctl`: Debian keeps them out of PATH.
    private static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let folder = "\(root)/\(version)/bin"
            if FileManager.default.isExecutableFile(atPath: "\(folder)/initdb") { return folder }
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        where FileManager.default.isExecutableFile(atPath: "\(folder)/initdb") {
            return folder
        }
        return nil
    }

    private static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(path) \(arguments.joined(separator: " ")) failed: \(String(decoding: err, as: UTF8.self))")
        }
        return String(decoding: out, as: UTF8.self)
    }
}
