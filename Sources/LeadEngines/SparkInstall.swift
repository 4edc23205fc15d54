import Foundation

/// The Spark installation `--engine spark` runs on: a python that can import
/// pyspark (with the search path that makes it so), and Java for a JVM of its
/// own. Looked for in order: `SPARK_HOME`, `spark-sql` on `PATH` (a
/// distribution's `bin`, or a virtual environment's where pip put pyspark),
/// then a `python3` on `PATH` that imports pyspark.
struct SparkInstall {
    let python: String
    /// Folders to put before the python's own module path.
    let pythonPath: [String]
    let sparkHome: String?

    static func find(_ environment: [String: String]) throws(EngineError) -> SparkInstall {
        let path = environment["PATH"]
        let files = FileManager.default
        if let home = environment["SPARK_HOME"], !home.isEmpty {
            guard files.fileExists(atPath: home + "/jars"), let python = ProgramRun.find("python3", path: path) else {
                throw EngineError(message: EngineMessages.sparkHomeUnusable(home))
            }
            return SparkInstall(python: python, pythonPath: modules(home: home), sparkHome: home)
        }
        if let sparkSQL = ProgramRun.find("spark-sql", path: path) {
            let bin = (sparkSQL as NSString).deletingLastPathComponent
            let home = (bin as NSString).deletingLastPathComponent
            if files.fileExists(atPath: home + "/jars"), let python = ProgramRun.find("python3", path: path) {
                return SparkInstall(python: python, pythonPath: modules(home: home), sparkHome: home)
            }
            if files.isExecutableFile(atPath: bin + "/python3"), imports(bin + "/python3") {
                return SparkInstall(python: bin + "/python3", pythonPath: [], sparkHome: nil)
            }
        }
        if let python = ProgramRun.find("python3", path: path), imports(python) {
            return SparkInstall(python: python, pythonPath: [], sparkHome: nil)
        }
        throw EngineError(message: EngineMessages.sparkMissing)
    }

    /// A distribution's python folder and its py4j, or, for pip's pyspark
    /// folder, the site-packages that hold it.
    private static func modules(home: String) -> [String] {
        let python = home + "/python"
        guard FileManager.default.fileExists(atPath: python) else { return [(home as NSString).deletingLastPathComponent] }
        let lib = python + "/lib"
        let py4j = ((try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []).filter { $0.hasPrefix("py4j") && $0.hasSuffix(".zip") }
        return [python] + py4j.sorted().map { lib + "/" + $0 }
    }

    /// Whether `python` finds a pyspark module.
    private static func imports(_ python: String) -> Bool {
        let check = "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('pyspark') else 3)"
        return (try? ProgramRun.run(python, ["-c", check], input: ""))?.status == 0
    }

    /// The java a local JVM would start with: `JAVA_HOME`'s, or the one on `PATH`.
    static func java(_ environment: [String: String]) -> String? {
        if let home = environment["JAVA_HOME"], !home.isEmpty {
            return FileManager.default.isExecutableFile(atPath: home + "/bin/java") ? home + "/bin/java" : nil
        }
        return ProgramRun.find("java", path: environment["PATH"])
    }

    /// The driver's environment: the search path, and a local JVM bound to the loopback address.
    func environment(_ base: [String: String], master: SparkMaster) -> [String: String] {
        var environment = base.filter { !["SPARK_HOME", "JAVA_HOME"].contains($0.key) || !$0.value.isEmpty }
        if let sparkHome { environment["SPARK_HOME"] = sparkHome }
        if !pythonPath.isEmpty {
            environment["PYTHONPATH"] = (pythonPath + [base["PYTHONPATH"]].compactMap { $0 }).joined(separator: ":")
        }
        if master.isLocal && environment["SPARK_LOCAL_IP"] == nil { environment["SPARK_LOCAL_IP"] = "127.0.0.1" }
        environment["PYTHONUNBUFFERED"] = "1"
        return environment
    }
}
