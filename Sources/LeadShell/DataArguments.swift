import Foundation
import LeadStore

/// The data options of a command line, grouped by the file option they follow.
///
/// `--map`, `--const`, `--inbound`, `--outbound` and `--date-format` written
/// after a file option (`--leads`, `--touches`, `--events`, `--conversions`)
/// belong to that file; written before the first file option they apply to
/// every file that has the header (`shared`). An argument parser that keeps
/// each option's values apart cannot tell that order, so the data options are
/// taken out of the arguments here, in one pass, and the rest is left for it.
public struct DataArguments: Sendable, Equatable {
    /// The argument that is no option: a folder holding `leads.csv` and
    /// `touches.csv`, or a script.
    public var folder: String?
    /// The data files, in the order given, each with its own options.
    public var files: [DataFile] = []
    /// The options written before the first file option.
    public var shared = FileOptions()
    /// `--created`, `--qualified`, `--converted` for a status log.
    public var statuses = StatusWords()

    public init() {}

    /// The file options and the table each loads as.
    public static let fileOptions: [String: TableRole] = [
        "--leads": .leads, "--touches": .touches, "--events": .events, "--conversions": .conversions,
    ]
    static let perFileOptions: Set<String> = ["--map", "--const", "--inbound", "--outbound", "--date-format"]
    static let statusOptions: Set<String> = ["--created", "--qualified", "--converted"]

    /// Takes the data options and the folder out of `arguments` (without the
    /// program name), leaving every other option, in order, in `rest`.
    /// `valueOptions` are the other options that take a value, whose value is
    /// left with them.
    public static func split(
        _ arguments: [String], valueOptions: Set<String>
    ) throws(DataArgumentError) -> (data: DataArguments, rest: [String]) {
        var data = DataArguments()
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" || !argument.hasPrefix("-") || argument == "-" {
                let named = argument == "--" ? arguments[(index + 1)...].first : argument
                if let named {
                    guard data.folder == nil else { throw DataArgumentError(DataMessages.twoFolders(data.folder!, named)) }
                    data.folder = named
                }
                index += argument == "--" ? 2 : 1
                continue
            }
            let (name, attached) = Self.nameAndValue(argument)
            let known = fileOptions[name] != nil || perFileOptions.contains(name) || statusOptions.contains(name)
            guard known else {
                rest.append(argument)
                if valueOptions.contains(argument), index + 1 < arguments.count {
                    rest.append(arguments[index + 1])
                    index += 1
                }
                index += 1
                continue
            }
            let value = try value(of: name, attached: attached, in: arguments, at: &index)
            index += 1
            if let role = fileOptions[name] {
                data.files.append(DataFile(role: role, path: value))
            } else if statusOptions.contains(name) {
                let words = try list(value, option: name)
                switch name {
                case "--created": data.statuses.created += words
                case "--qualified": data.statuses.qualified += words
                default: data.statuses.converted += words
                }
            } else if data.files.isEmpty {
                try add(name, value, to: &data.shared)
            } else {
                try add(name, value, to: &data.files[data.files.count - 1].options)
            }
        }
        return (data, rest)
    }

    /// Reads the options written after a file in the shell
    /// (`.load touches FILE --map …`): each applies to that file.
    public static func options(_ words: [String]) throws(DataArgumentError) -> FileOptions {
        var options = FileOptions()
        var index = 0
        while index < words.count {
            let (name, attached) = nameAndValue(words[index])
            guard perFileOptions.contains(name) else { throw DataArgumentError(DataMessages.notAFileOption(words[index])) }
            let value = try value(of: name, attached: attached, in: words, at: &index)
            try add(name, value, to: &options)
            index += 1
        }
        return options
    }

    private static func add(_ name: String, _ value: String, to options: inout FileOptions) throws(DataArgumentError) {
        switch name {
        case "--map":
            guard let mapping = FieldMapping(argument: value) else { throw DataArgumentError(DataMessages.badMap(value)) }
            options.mappings.append(mapping)
        case "--const":
            guard let constant = FieldConstant(argument: value) else { throw DataArgumentError(DataMessages.badConst(value)) }
            options.constants.append(constant)
        case "--inbound": options.inbound += try list(value, option: name)
        case "--outbound": options.outbound += try list(value, option: name)
        default:
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw DataArgumentError(DataMessages.missingValue(name)) }
            options.dateFormat = value
        }
    }

    /// The value of the option `name` at `index`: written after `=`, or the
    /// next word, which must be no option; `index` moves onto the value.
    private static func value(
        of name: String, attached: String?, in words: [String], at index: inout Int
    ) throws(DataArgumentError) -> String {
        if let attached { return attached }
        guard index + 1 < words.count, !words[index + 1].hasPrefix("--") else {
            throw DataArgumentError(DataMessages.missingValue(name))
        }
        index += 1
        return words[index]
    }

    /// `WORD,WORD,…`, each trimmed; empty words are refused.
    private static func list(_ value: String, option: String) throws(DataArgumentError) -> [String] {
        let words = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !words.contains(where: \.isEmpty) else { throw DataArgumentError(DataMessages.badList(option, value)) }
        return words
    }

    /// `--name=value` as its two parts; `--name` alone has no value.
    private static func nameAndValue(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}

/// A data file named on the command line, with its own options.
public struct DataFile: Sendable, Equatable {
    public var role: TableRole
    public var path: String
    public var options = FileOptions()

    public init(role: TableRole, path: String, options: FileOptions = FileOptions()) {
        self.role = role
        self.path = path
        self.options = options
    }
}

/// A data option written wrongly.
public struct DataArgumentError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ message: String) { description = message }
}
