/// libFuzzer target for the CSV reader: the input is a leads file; its
/// first byte also decides whether to read it as touches of a fixed lead.
/// Built by `make fuzz` (which defines LEADQ_FUZZ and links libFuzzer).
import LeadStore

#if LEADQ_FUZZ
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let first = bytes.first, first & 1 == 1 {
        let leads = Array("lead_id,created_at\nL1,2026-01-01T00:00:00Z\n".utf8)
        _ = try? LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: leads)),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: Array(bytes.dropFirst())))])
    } else {
        _ = try? LeadStore(leads: DataSource(file: FileBytes(name: "leads.csv", bytes: bytes)), touches: [])
    }
    return 0
}

@_cdecl("FuzzCSV_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzOneInput)
}
#else
@main
enum FuzzCSV {
    static func main() { print("build with make fuzz to fuzz the CSV reader") }
}
#endif
