import Foundation

/// How the columns of one file map to fields.
struct HeaderMap: Sendable {
    /// One entry per CSV column.
    struct Entry: Sendable {
        var header: String
        /// The field name analysts use.
        var name: String
        /// Set when the column is one of the role's core fields.
        var core: CoreField?
        /// Set when the column is a `Call Type`-like column still to be decided.
        var channelOrDirection = false
    }

    var entries: [Entry]
    /// Fields the file lacks that `--const field=value` gives one value for every row.
    var constants: [(name: String, value: String)] = []
    /// Which options given for every file (`DataSource.shared`) this file took.
    var sharedUse = SharedUse()

    /// The indexes of the shared `--map` and `--const` options a file took.
    struct SharedUse: Sendable {
        var mappings: Set<Int> = []
        var constants: Set<Int> = []
    }

    /// Maps `headers` for `role`: the file's own options first (a header
    /// they name must be there), then those given for every file (taken
    /// where the file has the header), then the aliases.
    init(headers: [String], role: TableRole, options: FileOptions, shared: FileOptions = FileOptions(), file: String) throws(LoadError) {
        let normalized = headers.map(HeaderMap.normalize)
        entries = zip(headers, normalized).enumerated().map { index, pair in
            Entry(header: pair.0, name: pair.1.isEmpty ? "column_\(index + 1)" : pair.1)
        }
        var claimed = Set<Int>()
        let core = role.coreFields
        func column(_ header: String) -> Int? {
            let wanted = HeaderMap.normalize(header)
            return headers.indices.first { headers[$0] == header } ?? normalized.indices.first { normalized[$0] == wanted }
        }
        func claim(_ index: Int, as target: String) {
            entries[index].name = target
            entries[index].core = core.first { $0.name == target }
            claimed.insert(index)
        }
        for mapping in options.mappings {
            guard let index = column(mapping.header) else {
                throw LoadError(file: file, line: 1, message: LoadMessages.noColumn(
                    mapping, nearest: HeaderMap.nearest(mapping.header, in: headers)))
            }
            claim(index, as: HeaderMap.normalize(mapping.target))
        }
        for constant in options.constants {
            let field = HeaderMap.normalize(constant.field)
            if let reason = HeaderMap.refusesConstant(field, role: role) {
                throw LoadError(file: file, message: LoadMessages.constantRefused(constant, reason: reason))
            }
            constants.removeAll { $0.name == field }
            constants.append((field, constant.value))
        }
        let ownTargets = Set(entries.indices.filter(claimed.contains).map { entries[$0].name } + constants.map(\.name))
        for (number, mapping) in shared.mappings.enumerated() {
            let target = HeaderMap.normalize(mapping.target)
            guard !ownTargets.contains(target), let index = column(mapping.header), !claimed.contains(index) else { continue }
            claim(index, as: target)
            sharedUse.mappings.insert(number)
        }
        for (number, constant) in shared.constants.enumerated() {
            let field = HeaderMap.normalize(constant.field)
            guard !ownTargets.contains(field), !constants.contains(where: { $0.name == field }),
                  core.contains(where: { $0.name == field }), HeaderMap.refusesConstant(field, role: role) == nil else { continue }
            constants.append((field, constant.value))
            sharedUse.constants.insert(number)
        }
        for field in core where !entries.contains(where: { $0.core?.name == field.name })
            && !constants.contains(where: { $0.name == field.name }) {
            let candidates = [field.name] + field.aliases
            for candidate in candidates {
                if let index = normalized.indices.first(where: { !claimed.contains($0) && normalized[$0] == candidate }) {
                    claim(index, as: field.name)
                    break
                }
            }
        }
        for alias in role.channelOrDirectionAliases {
            if let index = normalized.indices.first(where: { !claimed.contains($0) && normalized[$0] == alias }) {
                entries[index].channelOrDirection = true
                claimed.insert(index)
                break
            }
        }
        for field in core where field.required && !entries.contains(where: { $0.core?.name == field.name }) {
            // A UTF-16 file read as UTF-8 has a NUL beside every ASCII letter.
            if headers.contains(where: { $0.unicodeScalars.contains("\u{0}") }) {
                throw LoadError(file: file, line: 1, message: LoadMessages.utf16)
            }
            throw LoadError(file: file, line: 1, message: LoadMessages.missingField(field.name, headers: HeaderMap.list(headers)))
        }
        makeNamesUnique(reserved: Set(role.derivedNames))
    }

    /// Why `--const field=…` cannot be given for `role`, when it cannot: a
    /// constant is text, so ids and timestamps are refused.
    static func refusesConstant(_ field: String, role: TableRole) -> String? {
        guard !field.isEmpty else { return "the field needs a name" }
        if field == "lead_id" { return "every row would name the same lead" }
        if let core = role.coreFields.first(where: { $0.name == field }), core.kind != .text {
            return "\(field) holds timestamps; name its column with --map \(field)=HEADER"
        }
        if role.derivedNames.contains(field) { return "\(field) is derived from the touches" }
        return nil
    }

    /// Renames extra columns that clash with another column or a derived field: `name_2`, `name_3`, …
    private mutating func makeNamesUnique(reserved: Set<String>) {
        var taken = reserved.union(entries.compactMap { $0.core?.name }).union(constants.map(\.name))
        for index in entries.indices where entries[index].core == nil {
            let base = entries[index].name
            var name = base
            var suffix = 2
            while taken.contains(name) {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            entries[index].name = name
            taken.insert(name)
        }
    }

    /// Headers quoted for a message, at most twenty of them.
    static func list(_ headers: [String]) -> String {
        let shown = headers.prefix(20).map { "\"\($0.count > 60 ? String($0.prefix(60)) + "…" : $0)\"" }.joined(separator: ", ")
        return headers.count > 20 ? shown + " and \(headers.count - 20) more" : shown
    }

    /// A header as a field name: lower case, runs of anything but letters and
    /// digits become one `_`, none at either end (`Call Duration (in seconds)`
    /// → `call_duration_in_seconds`).
    static func normalize(_ header: String) -> String {
        var result = ""
        var pendingUnderscore = false
        for character in header.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingUnderscore && !result.isEmpty { result.append("_") }
                pendingUnderscore = false
                result.append(character)
            } else {
                pendingUnderscore = true
            }
        }
        return result
    }
}
