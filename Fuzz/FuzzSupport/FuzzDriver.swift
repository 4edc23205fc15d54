/// What every fuzz target shares: handing control to libFuzzer. SwiftPM renames
/// an executable's entry point to `<module>_main`, so each target exports that
/// name and calls `runFuzzer` with its test function. Empty unless built by
/// `make fuzz` (which defines LEADQ_FUZZ and links libFuzzer).
#if LEADQ_FUZZ
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

/// Runs libFuzzer with the program's arguments and `test` as the target.
public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, test)
}
#endif
