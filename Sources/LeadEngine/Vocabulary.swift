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
}
