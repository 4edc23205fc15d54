import Foundation

/// The options that go with data files: which column holds a field, fields
/// given one value for every row, direction words, and how dates are written.
///
/// Written after a file option on the command line they belong to that
/// file (`DataSource.options`, strict: a header it names must be there);
/// written before the first file option they apply to every file that has
/// the header (`DataSource.shared`), and are an error only when none has it.
public struct FileOptions: Sendable, Equatable {
    /// `--map field=Header`.
    public var mappings: [FieldMapping] = []
    /// `--const field=value`.
    public var constants: [FieldConstant] = []
    /// `--inbound WORD,…`: direction values that mean inbound.
    public var inbound: [String] = []
    /// `--outbound WORD,…`: direction values that mean outbound.
    public var outbound: [String] = []
    /// `--date-format FORMAT`, the order of a date's parts (`DD-MM-YYYY`).
    public var dateFormat: String?

    public init(mappings: [FieldMapping] = [], constants: [FieldConstant] = [], inbound: [String] = [],
                outbound: [String] = [], dateFormat: String? = nil) {
        self.mappings = mappings
        self.constants = constants
        self.inbound = inbound
        self.outbound = outbound
        self.dateFormat = dateFormat
    }

    public var isEmpty: Bool { self == FileOptions() }

    /// The declared direction words, normalized, each with whether it means outbound.
    var directionWords: [String: Bool] {
        var words: [String: Bool] = [:]
        for word in inbound { words[TouchDirection.normalized(word)] = false }
        for word in outbound { words[TouchDirection.normalized(word)] = true }
        return words
    }
}

/// `--map field=Header`: the column `Header` holds the field `field`.
public struct FieldMapping: Sendable, Equatable {
    public var target: String
    public var header: String

    public init(target: String, header: String) {
        self.target = target
        self.header = header
    }

    /// Reads `field=Header`.
    public init?(argument: String) {
        guard let (target, header) = splitAssignment(argument) else { return nil }
        self.init(target: target, header: header)
    }
}

/// `--const field=value`: every row of the file has `value` in `field`.
public struct FieldConstant: Sendable, Equatable {
    public var field: String
    public var value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }

    /// Reads `field=value`.
    public init?(argument: String) {
        guard let (field, value) = splitAssignment(argument) else { return nil }
        self.init(field: field, value: value)
    }
}

/// `name=value`, both sides trimmed and not empty.
private func splitAssignment(_ argument: String) -> (String, String)? {
    guard let equals = argument.firstIndex(of: "=") else { return nil }
    let name = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
    let value = String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
    return name.isEmpty || value.isEmpty ? nil : (name, value)
}
