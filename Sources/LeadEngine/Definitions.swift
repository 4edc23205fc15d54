import LeadQuery

/// Named filters and measures made with `let`, kept as syntax and bound
/// afresh wherever they are used (so they follow the data loaded).
public struct Definitions: Sendable {
    public struct Definition: Sendable {
        public var name: String
        public var expr: Expr
        /// The text after `=`, as written.
        public var text: String
        public var isMeasure: Bool
    }

    public private(set) var entries: [String: Definition] = [:]

    public init() {}

    public subscript(name: String) -> Definition? { entries[name.lowercased()] }

    mutating func define(_ definition: Definition) {
        entries[definition.name.lowercased()] = definition
    }

    /// Every definition, by name.
    public var all: [Definition] { entries.values.sorted { $0.name < $1.name } }

    /// Whether an expression reads as a filter (a comparison or a combination of them).
    static func isFilter(_ expr: Expr, definitions: Definitions) -> Bool {
        switch expr.kind {
        case .compare, .inList, .like, .isNull, .inPeriod, .not, .and, .or: return true
        case .name(let name): return definitions[name].map { !$0.isMeasure } ?? false
        default: return false
        }
    }
}
