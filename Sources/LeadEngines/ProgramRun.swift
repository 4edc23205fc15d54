import Foundation

/// Runs a program with text on its standard input and collects what it writes.
/// Pipes are read and written with POSIX calls that retry after a signal
/// (Ctrl-C raises one without `SA_RESTART`), and while it runs `isCancelled`
/// is asked every tenth of a second: when it answers true the program is
/// killed with its process group and waited for, and the run throws
/// `ProgramRun.Cancelled`.
struct ProgramRun {
    let status: Int32
    let output: Data
    let error: String

    /// The run was stopped by `isCancelled`.
    struct Cancelled: Error {}

    /// The full path of `name` on `PATH`, if it is there.
    static func find(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "").split(separator: ":") {
            let candidate = (String(folder) as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `program arguments…`, writing `input` to it from another thread
    /// so a large answer never blocks on a full pipe.
    static func run(_ program: String, _ arguments: [String], input: String,
                    isCancelled: (@Sendable () -> Bool)? = nil) throws -> ProgramRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = stdin.fileHandleForWriting
        let bytes = Data(input.utf8)
        let feeding = Thread {
            PipeIO.writeAll(writer.fileDescriptor, bytes)
            try? writer.close()
        }
        feeding.start()
        let errorReader = ErrorReader(descriptor: stderr.fileHandleForReading.fileDescriptor)
        errorReader.start()
        let output = PipeIO.readAll(stdout.fileHandleForReading.fileDescriptor, isCancelled: isCancelled)
        guard let output else {
            // The program leads a process group of its own (a wrapper script's child is in it too).
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = errorReader.finish()
            throw Cancelled()
        }
        process.waitUntilExit()
        return ProgramRun(status: process.terminationStatus, output: output, error: errorReader.finish())
    }

    /// Reads standard error on its own thread.
    private final class ErrorReader: @unchecked Sendable {
        let descriptor: Int32
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(descriptor: Int32) { self.descriptor = descriptor }

        func start() {
            Thread {
                self.data = PipeIO.readAll(self.descriptor, isCancelled: nil) ?? Data()
                self.done.signal()
            }.start()
        }

        func finish() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
