/// libFuzzer target for the language: statement bytes through the lexer,
/// parser, analyzer and executor, on a small generated data set. Built by
/// `make fuzz` (which defines LEADQ_FUZZ and links libFuzzer).
import LeadEngine
import LeadQuery
import LeadStore

#if LEADQ_FUZZ
import FuzzSupport

nonisolated(unsafe) var session: Session = {
    do { return try Session.demo(leadCount: 300, seed: 7) } catch { fatalError("\(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = StatementBoundary.isComplete(text)
    for piece in StatementBoundary.split(text) {
        _ = session.run(piece.text)
    }
    return 0
}

@_cdecl("FuzzQuery_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
#else
@main
enum FuzzQuery {
    static func main() { print("build with make fuzz to fuzz the language") }
}
#endif
