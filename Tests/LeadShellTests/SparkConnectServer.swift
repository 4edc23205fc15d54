import Foundation

/// A Spark Connect server of the test's own, from the pyspark that `make
/// test` installs, listening on a free port of 127.0.0.1; `stop` ends its JVM
/// (spark-submit execs java, so the process started is the JVM).
final class SparkConnectServer {
    let port: Int
    private let process: Process

    /// Starts the server and waits until it accepts connections; nil when it cannot.
    init?(venv: String) {
        guard let site = (try? FileManager.default.contentsOfDirectory(atPath: venv + "/lib"))?.first(where: { $0.hasPrefix("python3") }) else { return nil }
        let home = venv + "/lib/" + site + "/site-packages/pyspark"
        guard FileManager.default.fileExists(atPath: home + "/../grpc"), let port = Self.freePort() else { return nil }
        self.port = port
        process = Process()
        process.executableURL = URL(fileURLWithPath: venv + "/bin/spark-submit")
        process.arguments = ["--class", "org.apache.spark.sql.connect.service.SparkConnectServer",
                             "--conf", "spark.connect.grpc.binding.address=127.0.0.1", "--conf", "spark.connect.grpc.binding.port=\(port)",
                             "--conf", "spark.ui.enabled=false", "--conf", "spark.sql.shuffle.partitions=4", "spark-internal"]
        var environment = ProcessInfo.processInfo.environment
        environment["SPARK_HOME"] = home
        environment["SPARK_LOCAL_IP"] = "127.0.0.1"
        environment["PATH"] = venv + "/bin:/usr/bin:/bin"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let deadline = Date().addingTimeInterval(300)
        while !Self.accepts(port) {
            guard process.isRunning, Date() < deadline else { stop(); return nil }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }

    private static func freePort() -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
