import Foundation

/// File names given to the shell (`.export`, `.once`, `.read`, `.open`,
/// `.load` and `| export`): a leading `~` is the home folder, as in a shell.
extension Shell {
    /// How deep `.read` files may run inside one another.
    static let readDepthLimit = 16

    /// The path a file name given to the shell stands for.
    func filePath(_ name: String) -> String {
        var path = name
        if let home = configuration.environment["HOME"], !home.isEmpty, name == "~" || name.hasPrefix("~/") {
            path = home + name.dropFirst()
        }
        #if LEADQ_FUZZ
        path = Self.confined(path)
        #endif
        return path
    }

    #if LEADQ_FUZZ
    /// Under the fuzzer every file stays in the working folder: an absolute
    /// path, or one that climbs out, becomes its last component.
    static func confined(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if !path.hasPrefix("/") && !path.hasPrefix("~") && !parts.contains("..") && parts.count <= 3 { return path }
        let last = parts.last.map(String.init) ?? "root"
        return last == ".." ? "up" : last
    }
    #endif
}
