extension ZoneRules {
    /// Each change of offset: its instant, the offset before and the offset after.
    public var changes: [(at: Int64, before: Int64, after: Int64)] {
        transitions.indices.map { (transitions[$0], offsets[$0], offsets[$0 + 1]) }
    }
}
