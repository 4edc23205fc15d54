import ArgumentParser

extension LeadQ {
    /// `--db` replaces the files; the table and query options go with it, one per table.
    func validateDatabase() throws {
        let named = [("--leads-table", leadsTable), ("--touches-table", touchesTable),
                     ("--leads-query", leadsQuery), ("--touches-query", touchesQuery)]
        guard db != nil else {
            // Spark reads tables its session knows without a database to connect to.
            let spark = engine?.lowercased().split(separator: "=").first == "spark"
            if let option = named.first(where: { $0.1 != nil && !(spark && $0.0.hasSuffix("-table")) }) {
                throw ValidationError(spark ? "\(option.0) needs --db (Spark reads --leads-table and --touches-table)" : "\(option.0) needs --db")
            }
            return
        }
        if leadsTable != nil && leadsQuery != nil { throw ValidationError("give either --leads-table or --leads-query, not both") }
        if touchesTable != nil && touchesQuery != nil { throw ValidationError("give either --touches-table or --touches-query, not both") }
    }
}
