import LeadGen
import LeadStore

extension LeadGenerator {
    /// The generated leads and touches, loaded as their CSV files would be;
    /// `rewritingLeads` may change the leads file first.
    func loadedStore(rewritingLeads rewrite: ([UInt8]) -> [UInt8] = { $0 }) throws -> LeadStore {
        let generated = generate()
        return try LeadStore(
            leads: DataSource(file: FileBytes(name: "leads.csv", bytes: rewrite(generated.leads))),
            touches: [DataSource(file: FileBytes(name: "touches.csv", bytes: generated.touches))])
    }
}
