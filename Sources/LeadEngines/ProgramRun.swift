import Foundation

/// Runs a program with text on its standard input and collects what it writes.
struct ProgramRun {
    let status: Int32
    let output: Data
    let error: String

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
    static func run(_ program: String, _ arguments: [String], input: String) throws -> ProgramRun {
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
            try? writer.write(contentsOf: bytes)
            try? writer.close()
        }
        feeding.start()
        let errorReader = ErrorReader(handle: stderr.fileHandleForReading)
        errorReader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProgramRun(status: process.terminationStatus, output: output, error: errorReader.finish())
    }

    /// Reads standard error on its own thread.
    private final class ErrorReader: @unchecked Sendable {
        let handle: FileHandle
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(handle: FileHandle) { self.handle = handle }

        func start() {
            Thread {
                self.data = self.handle.readDataToEndOfFile()
                self.done.signal()
            }.start()
        }

        func finish() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
