import Foundation
import Testing

/// Writing files: exports onto folders, links, devices and FIFOs, the
/// temporary file's name, write errors, signals during an export, `.read`
/// nesting and `leadq gen` over existing files.
@Suite(.serialized) struct FileWritingTests {
    /// A new empty folder under the temporary folder.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs a `/bin/sh` script in `folder` with `$LEADQ` naming the binary.
    static func sh(_ script: String, in folder: String) throws -> LeadQProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["LEADQ"] = LeadQProcess.binary.path
        environment["HOME"] = folder
        // A crash ends at once rather than printing a backtrace of thousands of frames.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return LeadQProcess.Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                                   stderr: String(decoding: err, as: UTF8.self))
    }

    static func contents(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<none>" }

    static func names(in folder: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    static func mode(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1 }

    static let isRoot = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")

    @Test(arguments: [
        ["-c", "rate by owner | export \".\""],
        ["-c", "rate by owner", "-c", ".export ./"],
        ["-c", ".once ~", "-c", "rate"],
        ["-c", ".once /tmp", "-c", "rate"],
        ["-c", "rate | export \"\""],
    ])
    func aFolderAsTheTargetIsOneClearError(arguments: [String]) throws {
        let result = try LeadQProcess.run(["--no-init"] + arguments)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error: cannot write"), "\(result.stderr)")
        #expect(result.stderr.contains("folder") || result.stderr.contains("no name"), "\(result.stderr)")
    }

    @Test func aScriptThatReadsItselfStopsWithAnError() throws {
        let folder = try Self.folder()
        let script = folder + "/self.lq"
        try ".read \(script)\n".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try Self.sh("exec \"$LEADQ\" --no-init -f self.lq", in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains(".read is nested more than 16 deep"), "\(result.stderr)")
    }

    @Test func anInitFileThatReadsItselfStopsWithAnError() throws {
        let folder = try Self.folder()
        try ".read ~/.leadqrc\n".write(toFile: folder + "/.leadqrc", atomically: true, encoding: .utf8)
        let result = try Self.sh("exec \"$LEADQ\" -c rate", in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains(".read is nested more than 16 deep"), "\(result.stderr)")
    }

    /// Another user plants a link where the temporary file used to be made
    /// (`.NAME.tmp.PID`; `exec` keeps the shell's PID): it must not be followed.
    @Test func aPlantedLinkForTheTemporaryFileIsNotFollowed() throws {
        let folder = try Self.folder()
        try "secret\n".write(toFile: folder + "/victim", atomically: true, encoding: .utf8)
        let result = try Self.sh("ln -s victim \".out.csv.tmp.$$\" && exec \"$LEADQ\" --no-init -c 'rate | export \"out.csv\"'", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.contents(folder + "/victim") == "secret\n")
        #expect(Self.contents(folder + "/out.csv").hasPrefix("rate\n"))
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/out.csv")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(Self.names(in: folder).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func anExportThroughALinkReplacesItsTargetAndKeepsTheMode() throws {
        let folder = try Self.folder()
        try "old\n".write(toFile: folder + "/real.csv", atomically: true, encoding: .utf8)
        chmod(folder + "/real.csv", 0o600)
        symlink("real.csv", folder + "/link.csv")
        let result = try Self.sh("exec \"$LEADQ\" --no-init -c 'rate | export \"link.csv\"'", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.csv")) == "real.csv")
        #expect(Self.contents(folder + "/real.csv").hasPrefix("rate\n"))
        #expect(Self.mode(folder + "/real.csv") == 0o600)
        #expect(Self.names(in: folder) == ["link.csv", "real.csv"])
    }

    /// A hard-linked file is replaced by a new file: the other name keeps the old bytes.
    @Test func anExportOntoAHardLinkLeavesTheOtherName() throws {
        let folder = try Self.folder()
        try "old\n".write(toFile: folder + "/a.csv", atomically: true, encoding: .utf8)
        link(folder + "/a.csv", folder + "/b.csv")
        let result = try Self.sh("exec \"$LEADQ\" --no-init -c 'rate | export \"a.csv\"'", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.contents(folder + "/a.csv").hasPrefix("rate\n"))
        #expect(Self.contents(folder + "/b.csv") == "old\n")
    }

    @Test func anExportIntoAFIFOWritesStraightIn() throws {
        let folder = try Self.folder()
        #expect(mkfifo(folder + "/pipe", 0o644) == 0)
        // The reader is `cat` itself, killed if the export never reaches it.
        FileManager.default.createFile(atPath: folder + "/got", contents: nil)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [folder + "/pipe"]
        reader.standardOutput = FileHandle(forWritingAtPath: folder + "/got")
        try reader.run()
        let result = try Self.sh("exec \"$LEADQ\" --no-init -c 'rate | export \"pipe\"'", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        var waited = 0
        while reader.isRunning && waited < 500 {
            usleep(10_000)
            waited += 1
        }
        if reader.isRunning { kill(reader.processIdentifier, SIGKILL) }
        #expect(Self.contents(folder + "/got").hasPrefix("rate\n"))
        var status = stat()
        #expect(lstat(folder + "/pipe", &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    /// An unprivileged user cannot replace a file in `/dev`: the export must
    /// write into the device (`/dev/zero` discards what it is given, as
    /// `/dev/null` does, and no other program writes over it).
    @Test(.enabled(if: isRoot)) func anUnprivilegedExportIntoACharacterDeviceWritesStraightIn() throws {
        let folder = try Self.folder()
        chmod(folder, 0o777)
        let result = try Self.sh("exec runuser -u nobody -- \"$LEADQ\" --no-init -c 'rate | export \"/dev/zero\"'", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        var status = stat()
        #expect(lstat("/dev/zero", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    /// SIGTERM or Ctrl-C while `-c '… | export'` writes: the process ends as
    /// the signal asks, and neither the temporary file nor the target is left.
    /// The export is caught with its temporary file present, stopped, sent
    /// the signal and continued, so the test does not depend on timing.
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2])
    func aSignalDuringAnExportLeavesNoTemporaryFile(signal: Int32) throws {
        let folder = try Self.folder()
        #expect(try Self.sh("exec \"$LEADQ\" gen --leads 30000 --out data", in: folder).status == 0)
        // Spawned and waited for directly: Foundation's Process can miss the end of a child that was stopped.
        let arguments = [LeadQProcess.binary.path, folder + "/data", "--no-init", "-c", "list touches | export \"\(folder)/out.csv\""]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, folder + "/log", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        try #require(posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0)
        func temporary() -> [String] { Self.names(in: folder).filter { $0.hasPrefix(".out.csv") } }
        var waited = 0
        while temporary().isEmpty && waited < 12_000 {
            usleep(10_000)
            waited += 1
        }
        kill(pid, SIGSTOP)
        #expect(!temporary().isEmpty, "the export ended before it could be stopped")
        kill(pid, signal)
        kill(pid, SIGCONT)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        #expect(status & 0x7F == signal, "wait status \(status): \(Self.contents(folder + "/log"))")
        #expect(temporary().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.csv"))
    }

    /// A link another user planted in a sticky, world-writable folder is not
    /// followed (the kernel's protected_symlinks rule): the export is refused.
    @Test(.enabled(if: isRoot)) func anExportDoesNotFollowAnotherUsersLinkInAStickyFolder() throws {
        let folder = try Self.folder()
        chmod(folder, 0o1777)
        try "mine\n".write(toFile: folder + "/victim.txt", atomically: false, encoding: .utf8)
        #expect(try Self.sh("exec runuser -u nobody -- ln -s victim.txt rate.csv", in: folder).status == 0)
        let result = try Self.sh("exec \"$LEADQ\" --no-init -c 'rate | export \"rate.csv\"'", in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write rate.csv:") && result.stderr.contains("symbolic link"), "\(result.stderr)")
        #expect(Self.contents(folder + "/victim.txt") == "mine\n")
        #expect(Self.names(in: folder).sorted() == ["rate.csv", "victim.txt"])
    }

    /// An unprivileged user who may not write in the folder gets a message, and no file.
    @Test(.enabled(if: isRoot)) func anUnprivilegedExportIntoAClosedFolderIsAnError() throws {
        let folder = try Self.folder()
        chmod(folder, 0o755)
        let result = try Self.sh("exec runuser -u nobody -- \"$LEADQ\" --no-init -c 'rate | export \"out.csv\"'", in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write out.csv: Permission denied"), "\(result.stderr)")
        #expect(Self.names(in: folder).isEmpty)
    }

    @Test func aFullStandardOutputIsAnError() throws {
        let folder = try Self.folder()
        let result = try Self.sh("exec \"$LEADQ\" --no-init -c 'rate by owner' > /dev/full", in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write standard output: No space left on device"), "\(result.stderr)")
    }

    @Test func aFileSizeLimitIsAnErrorNotASignal() throws {
        let folder = try Self.folder()
        let list = try Self.sh("ulimit -f 8; exec \"$LEADQ\" --no-init -c 'list touches' > out.csv", in: folder)
        #expect(list.status == 1, "\(list.stderr)")
        #expect(list.stderr.contains("File too large"), "\(list.stderr)")
        let gen = try Self.sh("ulimit -f 8; exec \"$LEADQ\" gen --leads 5000 --out data", in: folder)
        #expect(gen.status == 2, "\(gen.stderr)")
        #expect(gen.stderr.contains("File too large"), "\(gen.stderr)")
        #expect(Self.names(in: folder + "/data").isEmpty)
    }

    @Test func genRefusesToReplaceFilesWithoutForce() throws {
        let folder = try Self.folder()
        #expect(try Self.sh("exec \"$LEADQ\" gen --leads 50 --seed 1 --out data", in: folder).status == 0)
        let first = Self.contents(folder + "/data/leads.csv")
        let refused = try Self.sh("exec \"$LEADQ\" gen --leads 60 --seed 2 --out data", in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("data/leads.csv: error: already exists; give --force to replace it"), "\(refused.stderr)")
        #expect(Self.contents(folder + "/data/leads.csv") == first)
        // A failed replacement leaves the old files whole.
        let failed = try Self.sh("ulimit -f 2; exec \"$LEADQ\" gen --leads 5000 --seed 3 --out data --force", in: folder)
        #expect(failed.status == 2, "\(failed.stderr)")
        #expect(Self.contents(folder + "/data/leads.csv") == first)
        #expect(Self.names(in: folder + "/data") == ["leads.csv", "touches.csv"])
        #expect(try Self.sh("exec \"$LEADQ\" gen --leads 60 --seed 2 --out data --force", in: folder).status == 0)
        #expect(Self.contents(folder + "/data/leads.csv") != first)
    }
}
