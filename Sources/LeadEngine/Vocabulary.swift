import LeadStore

/// The words of the language the shell needs for help and completion.
public enum Vocabulary {
    /// Every KPI with what it means, in the order `.help kpis` lists them.
    public static var kpis: [(name: String, meaning: String)] { KPI.all.map { ($0.name, $0.meaning) } }

    public static var kpiNames: [String] { KPI.all.map(\.name) }

    /// `sum avg median min max distinct p count`, `share`, `running` and `of_total`.
    public static var aggregateNames: [String] { AggregateFunction.allCases.map(\.rawValue) + ["share", "running", "of_total"] }

    /// Fields counted from settings rather than loaded: `response_business`.
    public static var businessFields: [String] { [BusinessResponse.field] }

    /// The argument that makes `speed` and `within` count business hours.
    public static var businessWord: String { Analyzer.businessWord }

    /// What `running(…)` takes: counts, sums, shares, `of_total` and every
    /// KPI but the medians (a median cannot run).
    public static var runnableNames: [String] {
        ["count", "sum", "share", "of_total"] + KPI.all.map(\.name).filter { !["speed", "touches_to_convert"].contains($0) }
    }

    /// What `of_total(…)` takes: counts and sums.
    public static let totalNames = ["count", "sum", "leads", "followed_up", "touches"]

    /// The named filters of the follow-up cadence, and the field they read.
    public static var cadenceFilterNames: [String] { Analyzer.cadenceFilters }
    public static let cadenceFieldNames = ["next_due_at"]
}
