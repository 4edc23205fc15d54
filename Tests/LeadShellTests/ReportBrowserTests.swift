import Foundation
import Testing

/// `examples/report.lq`'s page in a real browser (headless Chromium, which
/// `make test` installs when missing): it renders to a picture that is not
/// blank, and the page the browser built holds the table's values.
@Suite struct ReportBrowserTests {
    static let reportPath = "/tmp/leadq-example-report.html", chartPath = "/tmp/leadq-example-rate.svg"

    @Test func theExampleReportRendersInChromium() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadq-browser-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html").path
        let script = folder.appendingPathComponent("report.lq")
        let text = try String(contentsOf: LeadQProcess.root.appendingPathComponent("examples/report.lq"), encoding: .utf8)
        try text.replacingOccurrences(of: Self.reportPath, with: page)
            .replacingOccurrences(of: Self.chartPath, with: folder.appendingPathComponent("rate.svg").path)
            .write(to: script, atomically: true, encoding: .utf8)
        let run = try LeadQProcess.run(["examples/data", "--no-init", "-f", script.path])
        #expect(run.status == 0, "\(run.stderr)")

        guard let chromium = Self.chromium() else {
            Issue.record("Chromium is missing: make test installs it (apt-get install --no-install-recommends chromium fonts-liberation)")
            return
        }
        let profile = folder.appendingPathComponent("profile").path
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)", "--hide-scrollbars"]
        let shot = folder.appendingPathComponent("report.png").path
        _ = try Self.run(chromium, common + ["--window-size=1000,1400", "--screenshot=\(shot)", "file://\(page)"])
        let colours = try Self.run("/usr/bin/env", ["python3", "-c", Self.countColours, shot])
        #expect((Int(colours.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 8, "the screenshot looks blank: \(colours) colours")

        let dom = try Self.run(chromium, common + ["--dump-dom", "file://\(page)"])
        for value in ["Follow-up rate by month", "Who is fast, who is not", "57.1% ○", "100.0% ●", "Zoë Ångström", "30min ●",
                      "Okafor, Chidi", "2026-03", "66.7% ○", "41.7% ◐", "<svg"] {
            #expect(dom.contains(value), "the browser's page lacks \(value)")
        }
    }

    static func chromium() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Runs a program and returns what it printed on standard output.
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Counts the distinct colours of an 8-bit RGB or RGBA PNG (up to 1,000), with the standard library only.
    static let countColours = """
        import sys, zlib, struct
        data = open(sys.argv[1], 'rb').read()
        pos, idat, width, height, channels = 8, b'', 0, 0, 3
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR':
                width, height, depth, colour = struct.unpack('>IIBB', body[:10])
                channels = {2: 3, 6: 4}[colour]
            elif kind == b'IDAT':
                idat += body
            pos += 12 + length
        raw, stride, previous, colours = zlib.decompress(idat), width * channels, bytearray(width * channels), set()
        for y in range(height):
            start = y * (stride + 1)
            kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                if kind == 1: line[i] = (line[i] + a) & 255
                elif kind == 2: line[i] = (line[i] + b) & 255
                elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            previous = line
            if y % 7 == 0:
                for x in range(0, stride, channels * 5):
                    colours.add(bytes(line[x:x + 3]))
            if len(colours) > 1000: break
        print(len(colours))
        """
}
