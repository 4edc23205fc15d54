import ArgumentParser

extension LeadQ {
    /// `--db` replaces the files; the table and query options go with it, one per table.
    func validateDatabase() throws {
        let named = [("--leads-table", leadsTable), ("--touches-table", touchesTable),
                     ("--leads-query", leadsQuery), ("--touches-query", touchesQuery)]
        guard db != nil else {
            if let option = named.first(where: { $0.1 != nil }) { throw ValidationError("\(option.0) needs --db") }
            return
        }
        if leadsTable != nil && leadsQuery != nil { throw ValidationError("give either --leads-table or --leads-query, not both") }
        if touchesTable != nil && touchesQuery != nil { throw ValidationError("give either --touches-table or --touches-query, not both") }
    }
}
