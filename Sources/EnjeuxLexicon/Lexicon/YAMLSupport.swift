import Foundation
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
        case .scalar(let scalar):
            switch scalar.typeName {
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
        if case .scalar(let scalar) = self { return scalar.typeName == Tag.Name.null.rawValue }
        return false
    }

    /// The text of a scalar that is not null.
    var text: String? {
        guard case .scalar(let scalar) = self, scalar.typeName != Tag.Name.null.rawValue else { return nil }
        return scalar.string
    }

    /// The value of a boolean scalar (`true`, `false`, and YAML 1.1's `yes`, `no`, `on`, `off`).
    var boolean: Bool? {
        guard case .scalar(let scalar) = self, scalar.typeName == Tag.Name.bool.rawValue else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// The value of a numeric scalar (`2`, `0.5`).
    var number: Double? {
        guard case .scalar(let scalar) = self,
            scalar.typeName == Tag.Name.int.rawValue || scalar.typeName == Tag.Name.float.rawValue
        else { return nil }
        return Double.construct(from: scalar)
    }
}

extension Node.Scalar {
    /// The scalar's type (a tag name: `str`, `int`, `bool`, `null`…) as Yams's default
    /// resolver gives it, for documents composed with `Resolver.basic`: plain scalars are
    /// typed here, and only those that start like a number go through the default rules'
    /// regular expressions (a lexicon's thousands of terms never do).
    var typeName: String {
        let written = tag.description
        let plain = style == .plain || style == .any
        // Untagged plain scalars are left unresolved (`Node.tag` would resolve them with the
        // basic resolver, to `str`); quoted ones are strings.
        if plain && written == Tag.Name.implicit.rawValue { return Self.implicitTypeName(of: string) }
        if written == Tag.Name.implicit.rawValue || written == Tag.Name.nonSpecific.rawValue {
            return Tag.Name.str.rawValue
        }
        return written
    }

    /// The type the default rules (bool, int, float, merge, null, timestamp, value, in that
    /// order) give an untagged plain scalar. Only int, float and timestamp need their
    /// patterns, and each of those starts with a digit, a sign or a dot.
    static func implicitTypeName(of string: String) -> String {
        // The boolean and null words have at most five letters.
        if string.utf8.count <= 5 {
            if booleans.contains(string) { return Tag.Name.bool.rawValue }
            if nulls.contains(string) { return Tag.Name.null.rawValue }
        }
        if string == "<<" { return Tag.Name.merge.rawValue }
        if string == "=" { return Tag.Name.value.rawValue }
        guard let first = string.utf8.first,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "+")
                || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
        else { return Tag.Name.str.rawValue }
        return Resolver.default.resolveTag(of: Node(string)).rawValue
    }

    private static let booleans: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
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
        case .reader(let problem, let offset, let value, let yaml):
            // libyaml's reader (invalid UTF-8, a control character) gives an offset in the text.
            let position =
                offset.map { SourcePosition(ofCharacterOffset: $0, in: yaml) } ?? SourcePosition(line: 1, column: 1)
            let character = value >= 0 ? String(format: " (U+%04X)", value) : ""
            return LexiconDiagnostic(
                file: file, line: position.line, column: position.column,
                message: "invalid YAML: \(problem)\(character)")
        default:
            return LexiconDiagnostic(file: file, line: 1, column: 1, message: "invalid YAML: \(yamlError)")
        }
    }
}

extension SourcePosition {
    /// The 1-based line and column of the `offset`-th character of `text`.
    init(ofCharacterOffset offset: Int, in text: String) {
        var line = 1
        var column = 1
        for character in text.prefix(max(0, offset)) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.init(line: line, column: column)
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
