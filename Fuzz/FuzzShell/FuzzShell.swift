/// libFuzzer target for the shell: statement and dot-command text run as
/// `-c` runs it, on a small generated data set, so exports (`| export`,
/// `.export`, `.once`), `.read`, `.open`, `.load`, `.mode` and `.last` are
/// reached. Each input starts from a fresh shell in an emptied scratch
/// folder, and every file name stays inside it. Built by `make fuzz` (which
/// defines LEADQ_FUZZ and links libFuzzer).
import LeadEngine
import LeadShell

#if LEADQ_FUZZ
import Foundation
import FuzzSupport

nonisolated(unsafe) var session: Session = {
    do { return try Session.demo(leadCount: 300, seed: 7) } catch { fatalError("\(error)") }
}()

/// A new folder to work in, made once.
let scratch: String = {
    var template = Array((NSTemporaryDirectory() + "/leadq-fuzz-shell-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a scratch folder") }
    let path = String(cString: made)
    guard chdir(path) == 0 else { fatalError("cannot enter \(path)") }
    return path
}()

/// Removes what the last input wrote.
func emptyScratch() {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? [] {
        try? FileManager.default.removeItem(atPath: scratch + "/" + name)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = scratch
    emptyScratch()
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    Shell.forFuzzing(session: session).runForFuzzing(text)
    return 0
}

@_cdecl("FuzzShell_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
#else
@main
enum FuzzShell {
    static func main() { print("build with make fuzz to fuzz the shell") }
}
#endif
