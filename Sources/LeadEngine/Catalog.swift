import LeadStore

/// Whether a field describes a lead or a touch, which decides what a
/// measure over it counts.
public enum Grain: String, Sendable {
    case lead, touch
}

/// A field an analyst can name in a query.
public struct Field: Sendable, Equatable {
    public var name: String
    public var kind: ColumnKind
    public var grain: Grain
    /// The header it was read from, or how it was derived.
    public var origin: String
    /// Whether it was computed at load time rather than read from a file.
    public var isDerived: Bool
}

/// The fields of the loaded data, lead fields first.
public struct Catalog: Sendable {
    public private(set) var fields: [Field]

    public init(store: LeadStore) {
        let derived = Set(FollowUpIndex.derivedFieldNames)
        fields = store.leads.columns.map {
            Field(name: $0.name, kind: $0.kind, grain: .lead, origin: $0.origin, isDerived: derived.contains($0.name))
        }
        let leadNames = Set(fields.map(\.name))
        fields += store.touches.columns.filter { !leadNames.contains($0.name) }.map {
            Field(name: $0.name, kind: $0.kind, grain: .touch, origin: $0.origin, isDerived: false)
        }
    }

    /// The field named `name`, if there is one.
    public func field(named name: String) -> Field? { fields.first { $0.name == name } }

    /// The fields of one grain.
    public func fields(of grain: Grain) -> [Field] { fields.filter { $0.grain == grain } }
}
