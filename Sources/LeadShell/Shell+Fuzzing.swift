#if LEADQ_FUZZ
import LeadEngine

/// The fuzzer's way in (built only by `make fuzz`): a shell over a loaded
/// session that runs text as `-c` does, dot commands and exports included,
/// with every file kept in the working folder (see `Shell.filePath`).
extension Shell {
    public static func forFuzzing(session: Session) -> Shell {
        var configuration = Configuration(location: .demo, format: .csv, environment: ["HOME": "home"])
        configuration.noInit = true
        return Shell(session: session, configuration: configuration)
    }

    public func runForFuzzing(_ text: String) {
        source = "-c"
        _ = runText(text, firstLine: 1)
    }
}
#endif
