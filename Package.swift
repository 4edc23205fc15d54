// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "leadq",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "leadq", targets: ["leadq"]),
        .library(name: "LeadStore", targets: ["LeadStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Typed columns and tables, the TableReader every source is read through,
        // the CSV reader, header aliases, the follow-up index and derived lead
        // fields, load summaries.
        .target(name: "LeadStore", dependencies: ["CMappedPages", "CKernels"]),
        // The data generator: seeded leads and touches shaped like CRM exports,
        // for the demo, `leadq gen`, the benchmark and the tests.
        .target(name: "LeadGen", dependencies: ["LeadStore"]),
        // The SIGBUS handler that keeps a mapped data file readable when the file shrinks.
        .target(name: "CMappedPages"),
        // Byte-level steps in C: field ends of 64 bytes of CSV at once (vector
        // compares), asking for memory before it is read (prefetch), and finding
        // a value among a column's bytes (memmem).
        .target(name: "CKernels"),
        // The language: keywords, tokens, lexer, parser, syntax tree, statement
        // boundaries, diagnostics. Imports nothing.
        .target(name: "LeadQuery"),
        // Sessions over a loaded store: the analyzer (names, types, grain) binds a
        // statement to a plan, the executor runs it into a ResultTable; KPIs,
        // settings, time buckets, `let` definitions.
        .target(name: "LeadEngine", dependencies: ["LeadQuery", "LeadStore", "LeadGen"]),
        // The SQL a bound statement compiles to: one Dialect value per engine
        // (PostgreSQL, DuckDB, Spark), pure functions from a plan to text.
        .target(name: "LeadSQL", dependencies: ["LeadEngine", "LeadQuery", "LeadStore"]),
        // Executors that run the SQL through an engine's own program (the duckdb
        // command line) over the CSV files, or in PostgreSQL through libpq, and read the answer back.
        .target(name: "LeadEngines", dependencies: ["LeadEngine", "LeadSQL", "LeadQuery", "LeadStore", "LeadPostgres"]),
        // The system libedit, through a small header of non-variadic wrappers.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // The system libpq, the PostgreSQL client library (apt libpq-dev, brew libpq):
        // declared by its own header, opened with dlopen on the first call, so
        // that a start without PostgreSQL never loads it and what it depends on.
        .target(name: "CLibPQ"),
        // PostgreSQL as a source: a TableReader per table or query, copied out
        // through libpq as CSV; its errors name table, row and column.
        .target(name: "LeadPostgres", dependencies: ["LeadStore", "CLibPQ"]),
        // Pictures of a result: terminal charts, standalone SVG, the HTML report, and
        // how one value reads; pure functions of a ResultTable, a size and a colour choice.
        .target(name: "LeadRender", dependencies: ["LeadEngine"]),
        // The interactive shell and scripts: line editing, completion, dot commands,
        // renderers (table, csv, tsv, json, markdown), exports, progress; the only
        // layer that prints.
        .target(name: "LeadShell", dependencies: ["LeadEngine", "LeadRender", "LeadSQL", "LeadEngines", "LeadPostgres", "CEditLine"]),
        // The command line: options, data location, `leadq gen`.
        .executableTarget(
            name: "leadq",
            dependencies: [
                "LeadShell",
                "LeadGen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets, built by `make fuzz` (with -D LEADQ_FUZZ and the fuzzer sanitizer).
        .target(name: "FuzzSupport", path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "FuzzQuery", dependencies: ["LeadEngine", "FuzzSupport"], path: "Fuzz/FuzzQuery"),
        .executableTarget(name: "FuzzCSV", dependencies: ["LeadStore", "FuzzSupport"], path: "Fuzz/FuzzCSV"),
        .executableTarget(name: "FuzzShell", dependencies: ["LeadShell", "LeadEngine", "FuzzSupport"], path: "Fuzz/FuzzShell"),
        // Regressions/ holds inputs the tests read by path.
        .testTarget(name: "LeadStoreTests", dependencies: ["LeadStore", "LeadGen"], exclude: ["Regressions"]),
        .testTarget(name: "LeadGenTests", dependencies: ["LeadGen", "LeadStore"]),
        .testTarget(name: "LeadQueryTests", dependencies: ["LeadQuery"]),
        // A throwaway PostgreSQL server the tests start and stop.
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
        .testTarget(name: "LeadEngineTests", dependencies: ["LeadEngine", "LeadSQL", "LeadEngines", "LeadQuery", "LeadStore", "LeadGen", "PostgresTestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "LeadRenderTests", dependencies: ["LeadRender", "LeadEngine", "LeadStore"], resources: [.copy("Golden")]),
        .testTarget(name: "LeadShellTests", dependencies: ["LeadShell", "CEditLine", "PostgresTestSupport"]),
    ]
)
