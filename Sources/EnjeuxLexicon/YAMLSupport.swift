import Yams

/// Positions and type checks on Yams nodes, for diagnostics.
extension Node {
    /// 1-based position of the node (1:1 when Yams gives none).
    var position: SourcePosition {
        guard let mark else { return SourcePosition(line: 1, column: 1) }
        return SourcePosition(line: mark.line, column: mark.column)
    }

    /// The position of the `offset`-th Unicode scalar of a scalar's text. Exact for plain and
    /// quoted scalars without escapes; block scalars point at their indicator.
    func position(ofTextOffset offset: Int) -> SourcePosition {
        guard case .scalar(let scalar) = self else { return position }
        switch scalar.style {
        case .plain, .any: return position.advanced(by: offset)
        case .singleQuoted, .doubleQuoted: return position.advanced(by: offset + 1)
        case .literal, .folded: return position
        }
    }

    /// What kind of node this is, in the words of a diagnostic.
    var kindName: String {
        switch self {
        case .scalar:
            switch tag.rawValue {
            case Tag.Name.null.rawValue: "nothing"
            case Tag.Name.bool.rawValue: "a boolean"
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: "a number"
            default: "a string"
            }
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    var isNull: Bool {
        if case .scalar = self { return tag.rawValue == Tag.Name.null.rawValue }
        return false
    }

    /// The text of a scalar that is not null.
    var text: String? {
        guard case .scalar(let scalar) = self, tag.rawValue != Tag.Name.null.rawValue else { return nil }
        return scalar.string
    }

    /// The value of a boolean scalar (`true`, `false`).
    var boolean: Bool? {
        guard case .scalar(let scalar) = self, tag.rawValue == Tag.Name.bool.rawValue else { return nil }
        return Bool.construct(from: scalar)
    }

    /// The value of a numeric scalar (`2`, `0.5`).
    var number: Double? {
        guard case .scalar(let scalar) = self,
            tag.rawValue == Tag.Name.int.rawValue || tag.rawValue == Tag.Name.float.rawValue
        else { return nil }
        return Double.construct(from: scalar)
    }
}

/// The diagnostic for a Yams parse error, at the position Yams reports.
enum YAMLErrors {
    static func diagnostic(for error: any Error, file: String) -> LexiconDiagnostic {
        guard let yamlError = error as? YamlError else {
            return LexiconDiagnostic(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return LexiconDiagnostic(
                file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LexiconDiagnostic(
                file: file, line: context.mark.line, column: context.mark.column,
                message:
                    "duplicate key: \(duplicates.joined(separator: ", ")) appears more than once in the same mapping")
        case .reader(let problem, _, _, _):
            return LexiconDiagnostic(file: file, line: 1, column: 1, message: "invalid YAML: \(problem)")
        default:
            return LexiconDiagnostic(file: file, line: 1, column: 1, message: "invalid YAML: \(yamlError)")
        }
    }
}

/// "Did you mean" suggestions for misspelt keys.
enum KeySuggestion {
    static func closest(to key: String, among known: [String]) -> String? {
        let scored = known.map { ($0, distance(key.lowercased(), $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    /// Levenshtein distance between two strings, on characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
