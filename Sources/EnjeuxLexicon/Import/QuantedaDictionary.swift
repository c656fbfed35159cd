import Foundation
import Yams

/// Imports a quanteda dictionary in YAML: nested keys name the categories (joined with
/// `.`), leaves are lists of patterns with `*` globs. See docs/lexicon.md for the mapping.
package enum QuantedaDictionary {
    /// The dictionary as a lexicon. With `stemWords` false (the default), plain words match
    /// their normalised form exactly, as in quanteda; with true, they match on their stem.
    package static func parse(yaml: String, file: String, name: String? = nil, stemWords: Bool = false)
        throws(LexiconError) -> Lexicon
    {
        var importer = DictionaryImport(file: file, stemWords: stemWords)
        let root: Node?
        do {
            // Plain scalars are typed by `Node.Scalar.typeName`, quicker than the default resolver.
            root = try Yams.compose(yaml: yaml, .basic)
        } catch {
            throw LexiconError(diagnostics: [YAMLErrors.diagnostic(for: error, file: file)])
        }
        guard let root, case .mapping(let mapping) = root else {
            importer.sink.error(
                "a quanteda dictionary is a mapping of category names to lists of patterns",
                at: root?.position ?? SourcePosition(line: 1, column: 1))
            return try importer.lexicon(name: name ?? file, categories: [])
        }
        var categories: [LexiconCategory] = []
        collect(mapping, path: [], into: &categories, importer: &importer)
        return try importer.lexicon(
            name: name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, categories: categories)
    }

    /// Reads a dictionary file (UTF-8).
    package static func load(from url: URL, stemWords: Bool = false) throws(LexiconError) -> Lexicon {
        try parse(yaml: LexiconText.readText(url), file: url.path, stemWords: stemWords)
    }

    private static func collect(
        _ mapping: Node.Mapping, path: [String], into categories: inout [LexiconCategory],
        importer: inout DictionaryImport
    ) {
        for (key, value) in mapping {
            guard let name = key.text else {
                importer.sink.error("a category name must be a string", at: key.position)
                continue
            }
            let keyPath = path + [name]
            switch value {
            case .mapping(let nested):
                collect(nested, path: keyPath, into: &categories, importer: &importer)
            case .sequence(let sequence):
                addCategory(
                    keyPath, patterns: Array(sequence), at: key.position, into: &categories, importer: &importer)
            case .scalar where !value.isNull:
                addCategory(keyPath, patterns: [value], at: key.position, into: &categories, importer: &importer)
            default:
                importer.sink.warning(
                    "category '\(keyPath.joined(separator: "."))' has no patterns; left out", at: key.position)
            }
        }
    }

    private static func addCategory(
        _ keyPath: [String], patterns: [Node], at position: SourcePosition, into categories: inout [LexiconCategory],
        importer: inout DictionaryImport
    ) {
        var terms: [LexiconTerm] = []
        for node in patterns {
            guard let text = node.text else {
                importer.sink.error("a pattern must be a string, not \(node.kindName)", at: node.position)
                continue
            }
            if let term = importer.term(text, at: node.position) { terms.append(term) }
        }
        let id = importer.categoryID(for: keyPath)
        let label = keyPath.joined(separator: " › ")
        if let category = importer.category(
            id: id, label: label, description: "Imported from a quanteda dictionary.", terms: terms, at: position)
        {
            categories.append(category)
        }
    }
}
