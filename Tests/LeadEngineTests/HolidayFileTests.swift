import Foundation
import LeadEngine
import Testing

/// `set holidays` given something that is no list of holidays: each error
/// says why (a folder, a pipe, a device, binary, UTF-16), never reads a pipe
/// or device, and quotes a bad line only as a short escaped excerpt; a
/// quoted list of dates is taken as dates.
@Suite struct HolidayFileTests {
    static func failure(_ argument: String) throws -> String {
        var session = try BusinessHoursTests.session()
        guard case .failure(let error) = session.run("set holidays " + argument) else { return "no error" }
        return error.message
    }

    @Test func quotedDatesAreDates() throws {
        var session = try BusinessHoursTests.session()
        guard case .success(.done(let said)) = session.run("set holidays \"2026-12-25, 2026-12-26\"") else { Issue.record("dates refused"); return }
        #expect(said == "2 holidays: 2026-12-25, 2026-12-26")
        #expect(try Self.failure("\"\"").hasPrefix("set holidays \"\" names no file"))
    }

    @Test func eachUnreadableFileSaysWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-holiday-files-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let binary = folder.appendingPathComponent("binary.csv"), wide = folder.appendingPathComponent("wide.csv")
        let secret = folder.appendingPathComponent("secret.csv")
        try Data([0x32, 0x00, 0xFF, 0x0A]).write(to: binary)
        try Data([0xFF, 0xFE, 0x32, 0x00, 0x30, 0x00]).write(to: wide)
        try "name:hash\nroot:$6$secrethashsecrethashsecrethash\u{1B}[2J:19000\n".write(to: secret, atomically: true, encoding: .utf8)
        #expect(try Self.failure("\"\(folder.path)\"") == "\(folder.path): is a folder, not a file of holidays")
        #expect(try Self.failure("\"\(pipe)\"") == "\(pipe): is not a regular file (a pipe, device or socket), so it is not read")
        #expect(try Self.failure("\"/dev/zero\"") == "/dev/zero: is not a regular file (a pipe, device or socket), so it is not read")
        #expect(try Self.failure("\"\(binary.path)\"") == "\(binary.path): is not a text file of dates (it has bytes that are not UTF-8 text)")
        #expect(try Self.failure("\"\(wide.path)\"").hasSuffix(": the file is UTF-16; save it as UTF-8 (in Excel: Save As, CSV UTF-8)"))
        #expect(try Self.failure("\"\(secret.path)\"") == "\(secret.path):2: \"root:$6$secrethashsecret…\" is not a date: write one date a line, such as 2026-12-25")
        #expect(try Self.failure("\"\(folder.path)/missing.csv\"") == "\(folder.path)/missing.csv: no such file")
        let bare = folder.appendingPathComponent("bare.csv")
        try Data("2026-12-25\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: bare)
        #expect(try Self.failure("\"\(bare.path)\"").hasSuffix(": the file is UTF-16; save it as UTF-8 (in Excel: Save As, CSV UTF-8)"))
    }

    /// A file saved on Windows: every line ends in CR LF, and every date is read, as from the same file with LF.
    @Test func windowsLineEndsReadEveryDate() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-holidays-crlf-\(getpid())-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "date,name\r\n2026-01-01,New Year\r\n2026-01-09,x\r\n2026-12-25,y\r\n".write(to: file, atomically: true, encoding: .utf8)
        var session = try BusinessHoursTests.session()
        guard case .success(.done(let said)) = session.run("set holidays \"\(file.path)\"") else { Issue.record("file refused"); return }
        #expect(said == "3 holidays: 2026-01-01, 2026-01-09, 2026-12-25")
    }
}
