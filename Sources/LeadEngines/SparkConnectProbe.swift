import Foundation

/// Whether a Spark Connect server listens at `sc://HOST[:PORT]`, asked with
/// one TCP connection that gives up after a few seconds, so that a wrong
/// address is one line at start rather than a client retrying for ever.
enum SparkConnectProbe {
    static let defaultPort = 15002

    /// The host and port of an `sc://` URL.
    static func address(_ url: String) -> (host: String, port: Int) {
        let rest = url.dropFirst("sc://".count).prefix { $0 != "/" && $0 != ";" }
        let parts = rest.split(separator: ":", maxSplits: 1)
        let port = parts.count > 1 ? Int(parts[1]) ?? defaultPort : defaultPort
        return (String(parts.first ?? "localhost"), port)
    }

    /// True when some address of the host accepts a connection within `seconds`.
    static func listens(_ url: String, seconds: Int32 = 5) -> Bool {
        let (host, port) = address(url)
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else { return false }
        defer { freeaddrinfo(first) }
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let entry = next {
            if connects(entry.pointee, milliseconds: seconds * 1000) { return true }
            next = entry.pointee.ai_next
        }
        return false
    }

    private static func connects(_ entry: addrinfo, milliseconds: Int32) -> Bool {
        let socket = Glibc.socket(entry.ai_family, entry.ai_socktype, entry.ai_protocol)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
        if connect(socket, entry.ai_addr, entry.ai_addrlen) == 0 { return true }
        guard errno == EINPROGRESS else { return false }
        var wanted = pollfd(fd: socket, events: Int16(POLLOUT), revents: 0)
        let deadline = ContinuousClock.now + .milliseconds(Int(milliseconds))
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return false }
            let count = poll(&wanted, 1, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(socket, SOL_SOCKET, SO_ERROR, &failure, &length)
            return failure == 0
        }
    }
}
