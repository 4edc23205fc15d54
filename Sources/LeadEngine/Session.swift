import LeadGen
import LeadStore

/// The state one analyst works in: the loaded data, what it is called, and
/// the fields it offers.
public struct Session: Sendable {
    public internal(set) var store: LeadStore
    public private(set) var catalog: Catalog
    /// Where the data came from, for banners and `.schema`.
    public private(set) var dataDescription: String
    /// What `set` changed.
    public var settings = Settings()
    /// What `let` named.
    public internal(set) var definitions = Definitions()
    /// What answers query statements and lists.
    package var executor: any Executor = InMemoryExecutor()
    /// Business responses counted so far, for the data loaded.
    package private(set) var businessTimes = BusinessTimes()
    /// `next_due_at` for the cadence set, made once per cadence and data.
    package private(set) var nextDue = NextDue()

    public init(store: LeadStore, description: String) {
        self.store = store
        catalog = Catalog(store: store)
        dataDescription = description
    }

    /// A session on the built-in demo data: leads and touches generated in memory from a fixed seed.
    public static func demo(leadCount: Int = 4000, seed: UInt64 = 42) throws(LoadError) -> Session {
        let generated = LeadGenerator(leadCount: leadCount, seed: seed, layout: .grouped)
            .tableReaders(leads: "demo/leads.csv", touches: "demo/touches.csv")
        let store = try LeadStore(leads: generated.leads, touches: [generated.touches])
        return Session(store: store, description: "demo data (\(Quantity.grouped(leadCount)) leads generated in memory, seed \(seed))")
    }

    /// Keeps the named filters and measures of an earlier session.
    public mutating func keep(_ definitions: Definitions) {
        self.definitions = definitions
    }

    /// Replaces the leads, keeping the touches.
    public mutating func replaceLeads(_ source: DataSource, progress: LoadProgress? = nil) throws(LoadError) {
        let generated = store.summary.files.contains { $0.generated }
        try store.replaceLeads(source, progress: progress)
        businessTimes = BusinessTimes()
        if generated { dataDescription = source.name }
        catalog = Catalog(store: store)
        nextDue = NextDue()
    }

    /// Keeps the fields and types of the data but none of its rows (an engine holds them).
    public mutating func dropRows() {
        store = store.withoutRows()
        catalog = Catalog(store: store)
    }

    /// Adds touches to those loaded.
    public mutating func addTouches(_ source: DataSource, progress: LoadProgress? = nil) throws(LoadError) {
        try store.addTouches(source, progress: progress)
        businessTimes = BusinessTimes()
        catalog = Catalog(store: store)
        nextDue = NextDue()
    }
}
