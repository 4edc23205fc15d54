/// Every word the language gives a meaning of its own, with the part it
/// plays, in one table: the parser, statement boundaries and the completer
/// all read it, so a new clause or operator is one row here.
///
/// Keywords are not reserved: where a name is expected, a keyword is read as
/// a name (a CSV column may be called `order`).
public enum Keyword: String, CaseIterable, Sendable {
    case list, `let`, set
    case `where`, during, by, having, order, top, limit, vs, `as`
    case and, or, not, `in`, like, `is`, null
    case asc, desc
    case today, yesterday, this, last, past, to
    case export, append, chart, sql

    /// The part a keyword plays.
    public enum Role: Sendable {
        /// Starts a statement other than a query: `list`, `let`, `set`.
        case statement
        /// Starts a clause of a query, or names a measure (`as`).
        case clause
        /// Joins or forms conditions: `and`, `in`, `is null`, …
        case condition
        /// Follows an `order by` key.
        case direction
        /// Starts or joins a period: `today`, `last 3 months`, `2026-01 to 2026-03`.
        case period
        /// Follows `|`: what to do with a result.
        case post
    }

    public var role: Role {
        switch self {
        case .list, .let, .set: .statement
        case .where, .during, .by, .having, .order, .top, .limit, .vs, .as: .clause
        case .and, .or, .not, .in, .like, .is, .null: .condition
        case .asc, .desc: .direction
        case .today, .yesterday, .this, .last, .past, .to: .period
        case .export, .append, .chart, .sql: .post
        }
    }

    /// Whether a statement whose last word is this one must go on: the word
    /// needs something after it (`where …`, `last 3 months`, `export "f.csv"`).
    public var continuesStatement: Bool {
        switch self {
        case .null, .asc, .desc, .today, .yesterday, .chart, .sql: false
        default: true
        }
    }

    /// The keyword spelt `word`, in any case.
    public init?(word: String) {
        self.init(rawValue: word.lowercased())
    }

    /// The keywords of one role, in table order.
    public static func words(_ role: Role) -> [String] {
        allCases.filter { $0.role == role }.map(\.rawValue)
    }

    /// The clauses that may follow a query's measures (`as` names a measure instead).
    public static let queryClauses: [Keyword] = [.where, .during, .by, .having, .order, .top, .limit, .vs]
}
