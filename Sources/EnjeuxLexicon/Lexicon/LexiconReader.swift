import EnjeuxSupport
import EnjeuxText
import Foundation
import Yams

/// Turns lexicon YAML into a `Lexicon`, collecting every diagnostic at the node it concerns.
struct LexiconReader {
    static let headerKeys = [
        "name", "version", "language", "description", "normalization", "categories", "exclude", "context",
    ]
    static let contextKeys = ["description", "terms", "passage_floor", "document_floor", "document_share"]
    static let normalizationKeys = ["fold_accents", "fold_case", "fold_ligatures", "stem", "unify_punctuation"]
    static let categoryKeys = ["label", "description", "terms", "exclude"]
    static let termKeys = ["term", "weight", "flexible", "stem", "note"]
    static let exclusionKeys = ["term", "scope", "flexible", "stem", "note"]
    /// The largest weight a term may have, so that scores stay finite whatever the text.
    static let maximumWeight = 1000.0

    /// The lexicon (nil when it could not be built at all) and every diagnostic in file order.
    static func read(yaml: String, file: String) -> (lexicon: Lexicon?, diagnostics: [LexiconDiagnostic]) {
        var reader = LexiconReader(sink: DiagnosticSink(file: file))
        let lexicon = reader.readDocument(yaml)
        return (lexicon, reader.sink.sorted)
    }

    var sink: DiagnosticSink
    /// Term texts parsed ahead, side by side, for a list being read (see `parseAhead`).
    private var parsed: [ParsedTermKey: (pattern: TermPattern?, issues: [TermSyntaxIssue])] = [:]

    init(sink: DiagnosticSink) {
        self.sink = sink
    }

    // MARK: - Document and header

    private mutating func readDocument(_ yaml: String) -> Lexicon? {
        let root: Node?
        let parser: Parser
        do {
            // Plain scalars are typed by `Node.Scalar.typeName`, quicker than the default resolver.
            parser = try Parser(yaml: yaml, resolver: .basic)
            root = try parser.singleRoot()
        } catch {
            let diagnostic = YAMLErrors.diagnostic(for: error, file: sink.file)
            sink.error(diagnostic.message, at: SourcePosition(line: diagnostic.line, column: diagnostic.column))
            return nil
        }
        // The parser keeps the anchors alive while their aliases are counted.
        if let root, let excess = withExtendedLifetime(parser, { AliasBudget.excess(in: root) }) {
            sink.error(
                "aliases expand the lexicon beyond \(AliasBudget.maximumAddedNodes) added nodes "
                    + "(the alias *\(excess.anchor) of the node anchored at \(excess.anchorPosition) is "
                    + "reused too often); write the shared terms once, or reuse smaller lists",
                at: excess.position)
            return nil
        }
        guard let root, case .mapping(let mapping) = root else {
            sink.error(
                "a lexicon is a mapping with name, version, normalization and categories",
                at: root?.position ?? SourcePosition(line: 1, column: 1))
            return nil
        }
        let fields = keyedFields(mapping, known: Self.headerKeys, context: "lexicon header")

        let name = requiredString("name", in: fields, at: root.position) ?? ""
        let version =
            fields["version"].flatMap { scalarString($0.value, key: "version") }
            ?? {
                sink.warning("missing 'version'; \"0\" is assumed", at: root.position)
                return "0"
            }()
        var language = "fr"
        if let node = fields["language"], let value = scalarString(node.value, key: "language") {
            language = value
            if !(value == "fr" || value.hasPrefix("fr-")) {
                sink.warning(
                    "language '\(value)': the analyzer is French, other languages are not supported",
                    at: node.value.position)
            }
        }
        if let node = fields["description"] { _ = scalarString(node.value, key: "description") }

        let options = readNormalization(fields["normalization"]?.value)
        let syntax = TermSyntax(analyzer: FrenchAnalyzer(options: options))

        var globalExclusions: [LexiconExclusion] = []
        if let node = fields["exclude"] {
            globalExclusions = readExclusions(node, syntax: syntax, owner: "the lexicon")
        }

        var context: LexiconContext?
        if let node = fields["context"] {
            context = readContext(node, syntax: syntax)
        }

        var categories: [LexiconCategory] = []
        if let node = fields["categories"] {
            categories = readCategories(node, syntax: syntax)
        } else {
            sink.error("missing 'categories'", at: root.position)
        }
        return Lexicon(
            name: name, version: version, language: language, analyzerOptions: options, categories: categories,
            globalExclusions: globalExclusions, context: context,
            warnings: sink.sorted.filter { $0.severity == .warning })
    }

    private mutating func readNormalization(_ node: Node?) -> AnalyzerOptions {
        var options = AnalyzerOptions()
        guard let node, !node.isNull else { return options }
        guard case .mapping(let mapping) = node else {
            sink.error(
                "'normalization' must be a mapping of switches (fold_accents: true…), not \(node.kindName)",
                at: node.position)
            return options
        }
        let fields = keyedFields(mapping, known: Self.normalizationKeys, context: "normalization switch")
        for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
            guard let value = field.value.boolean else {
                sink.error(
                    "normalization switch '\(key)' must be true or false, not \(field.value.kindName)",
                    at: field.value.position)
                continue
            }
            switch key {
            case "fold_accents": options.foldAccents = value
            case "fold_case": options.foldCase = value
            case "fold_ligatures": options.foldLigatures = value
            case "stem": options.stem = value
            case "unify_punctuation": options.unifyPunctuation = value
            default: break
            }
        }
        return options
    }

    // MARK: - Categories

    private mutating func readCategories(_ field: KeyedField, syntax: TermSyntax) -> [LexiconCategory] {
        guard case .mapping(let mapping) = field.value else {
            let position = field.value.isNull ? field.key.position : field.value.position
            sink.error("'categories' must be a mapping of category ids, not \(field.value.kindName)", at: position)
            return []
        }
        if mapping.isEmpty {
            sink.error("'categories' is empty", at: field.value.position)
        }
        var categories: [LexiconCategory] = []
        for (keyNode, valueNode) in mapping {
            guard let id = keyNode.text else {
                sink.error("a category id must be a string", at: keyNode.position)
                continue
            }
            if !Self.isValidID(id) {
                sink.error(
                    "category id '\(id)' must be lowercase letters, digits, '_', '-' or '.', starting with a letter",
                    at: keyNode.position)
            }
            if let category = readCategory(id: id, keyNode: keyNode, valueNode: valueNode, syntax: syntax) {
                categories.append(category)
            }
        }
        return categories
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)
        }
    }

    private mutating func readCategory(id: String, keyNode: Node, valueNode: Node, syntax: TermSyntax)
        -> LexiconCategory?
    {
        guard case .mapping(let mapping) = valueNode else {
            if valueNode.isNull {
                sink.error("category '\(id)' is empty: give it a label and terms", at: keyNode.position)
            } else {
                sink.error(
                    "category '\(id)' must be a mapping with label, description and terms, not \(valueNode.kindName)",
                    at: valueNode.position)
            }
            return nil
        }
        let fields = keyedFields(mapping, known: Self.categoryKeys, context: "category key")
        let label = requiredString("label", in: fields, at: keyNode.position, owner: "category '\(id)'") ?? id
        var description = ""
        if let node = fields["description"] {
            description = scalarString(node.value, key: "description") ?? ""
        } else {
            sink.warning("category '\(id)' has no description", at: keyNode.position)
        }
        var terms: [LexiconTerm] = []
        if let field = fields["terms"] {
            terms = readTerms(field, syntax: syntax, categoryID: id)
        } else {
            sink.error("category '\(id)' has no 'terms'", at: keyNode.position)
        }
        var exclusions: [LexiconExclusion] = []
        if let field = fields["exclude"] {
            exclusions = readExclusions(field, syntax: syntax, owner: "category '\(id)'")
        }
        return LexiconCategory(id: id, label: label, description: description, terms: terms, exclusions: exclusions)
    }

    // MARK: - Context

    /// The `context` section: domain terms and the damping factors.
    private mutating func readContext(_ field: KeyedField, syntax: TermSyntax) -> LexiconContext? {
        guard case .mapping(let mapping) = field.value else {
            sink.error(
                "'context' must be a mapping with terms and optional factors, not \(field.value.kindName)",
                at: field.value.isNull ? field.key.position : field.value.position)
            return nil
        }
        let fields = keyedFields(mapping, known: Self.contextKeys, context: "context key")
        if let node = fields["description"] { _ = scalarString(node.value, key: "description") }
        var context = LexiconContext(terms: [])
        if let value = fraction("passage_floor", in: fields) { context.passageFloor = value }
        if let value = fraction("document_floor", in: fields) { context.documentFloor = value }
        if let value = fraction("document_share", in: fields) { context.documentShare = value }
        guard let termsField = fields["terms"] else {
            sink.error("'context' has no 'terms'", at: field.key.position)
            return nil
        }
        context.terms = readTerms(termsField, syntax: syntax, categoryID: "context", weighted: false)
        return context
    }

    /// A number in (0, 1] under `key`, or nil (with a diagnostic when it is present but wrong).
    private mutating func fraction(_ key: String, in fields: [String: KeyedField]) -> Double? {
        guard let node = fields[key]?.value else { return nil }
        guard let value = node.number, value.isFinite else {
            sink.error("'\(key)' must be a number, not \(node.kindName)", at: node.position)
            return nil
        }
        guard value > 0 && value <= 1 else {
            sink.error("'\(key)' must be above 0 and at most 1, not \(node.text ?? "")", at: node.position)
            return nil
        }
        return value
    }

    // MARK: - Terms

    private mutating func readTerms(_ field: KeyedField, syntax: TermSyntax, categoryID: String, weighted: Bool = true)
        -> [LexiconTerm]
    {
        let owner = weighted ? "category '\(categoryID)'" : "'context'"
        guard let items = listItems(field, owner: owner) else { return [] }
        parseAhead(items, syntax: syntax)
        var terms: [LexiconTerm] = []
        var seen: [TermPattern: LexiconTerm] = [:]
        for item in items {
            let known = weighted ? Self.termKeys : Self.termKeys.filter { $0 != "weight" }
            guard let entry = readEntry(item, known: known, syntax: syntax) else { continue }
            var weight = 1.0
            if let node = entry.fields["weight"] {
                if let value = node.value.number, value.isFinite {
                    if value > 0 && value <= Self.maximumWeight {
                        weight = value
                    } else if value > 0 {
                        sink.error(
                            "weight must be at most \(Int(Self.maximumWeight)), not \(node.value.text ?? "")",
                            at: node.value.position)
                    } else {
                        sink.error(
                            "weight must be greater than 0, not \(node.value.text ?? "")", at: node.value.position)
                    }
                } else if node.value.number != nil {
                    sink.error(
                        "weight must be a finite number, not \(node.value.text ?? "")", at: node.value.position)
                } else {
                    sink.error("weight must be a number, not \(node.value.kindName)", at: node.value.position)
                }
            }
            guard let pattern = entry.pattern else { continue }
            let term = LexiconTerm(text: entry.text, pattern: pattern, weight: weight, position: entry.position)
            if let first = seen[pattern] {
                if first.text == term.text {
                    sink.error(
                        "duplicate term in \(owner): already on line \(first.position.line)", at: entry.position)
                } else {
                    sink.warning(
                        "'\(term.text)' matches the same words as '\(first.text)' (line \(first.position.line)) in \(owner); ignored",
                        at: entry.position)
                }
                continue
            }
            seen[pattern] = term
            terms.append(term)
        }
        if items.isEmpty {
            sink.error(
                "\(owner) has no terms",
                at: field.value.isNull ? field.key.position : field.value.position)
        }
        return terms
    }

    private mutating func readExclusions(_ field: KeyedField, syntax: TermSyntax, owner: String) -> [LexiconExclusion] {
        guard let items = listItems(field, owner: owner) else { return [] }
        parseAhead(items, syntax: syntax)
        var exclusions: [LexiconExclusion] = []
        var seen: [TermPattern: SourcePosition] = [:]
        for item in items {
            guard let entry = readEntry(item, known: Self.exclusionKeys, syntax: syntax) else { continue }
            var scope = ExclusionScope.overlap
            if let node = entry.fields["scope"] {
                if let text = node.value.text, let value = ExclusionScope(rawValue: text) {
                    scope = value
                } else {
                    let allowed = ExclusionScope.allCases.map(\.rawValue).joined(separator: ", ")
                    sink.error("scope must be one of \(allowed)", at: node.value.position)
                }
            }
            guard let pattern = entry.pattern else { continue }
            if let first = seen[pattern] {
                sink.warning(
                    "exclusion '\(entry.text)' repeats the one on line \(first.line) in \(owner); ignored",
                    at: entry.position)
                continue
            }
            seen[pattern] = entry.position
            exclusions.append(
                LexiconExclusion(text: entry.text, pattern: pattern, scope: scope, position: entry.position))
        }
        return exclusions
    }

    /// The items of a `terms` or `exclude` list; nil (after a diagnostic) when it is not a list.
    private mutating func listItems(_ field: KeyedField, owner: String) -> [Node]? {
        let key = field.key.text ?? "terms"
        if field.value.isNull { return [] }
        guard case .sequence(let sequence) = field.value else {
            sink.error("'\(key)' of \(owner) must be a list, not \(field.value.kindName)", at: field.value.position)
            return nil
        }
        return Array(sequence)
    }

    private struct Entry {
        var text: String
        var pattern: TermPattern?
        var position: SourcePosition
        var fields: [String: KeyedField]
    }

    /// One list item: a term string, or a mapping with `term:` and options.
    private mutating func readEntry(_ item: Node, known: [String], syntax: TermSyntax) -> Entry? {
        var textNode = item
        var fields: [String: KeyedField] = [:]
        switch item {
        case .scalar:
            break
        case .mapping(let mapping):
            fields = keyedFields(mapping, known: known, context: "term option")
            guard let node = fields["term"]?.value else {
                sink.error("a term mapping needs a 'term' key", at: item.position)
                return nil
            }
            textNode = node
        default:
            sink.error("a term is a string or a mapping with 'term:', not \(item.kindName)", at: item.position)
            return nil
        }
        guard let text = textNode.text else {
            sink.error(
                textNode.isNull ? "empty term" : "a term must be a string, not \(textNode.kindName)",
                at: textNode.position)
            return nil
        }
        var options = TermOptions()
        if let node = fields["flexible"] {
            if let value = node.value.boolean {
                options.flexible = value
            } else {
                sink.error("'flexible' must be true or false, not \(node.value.kindName)", at: node.value.position)
            }
        }
        if let node = fields["stem"] {
            if let value = node.value.boolean {
                options.stem = value
            } else {
                sink.error("'stem' must be true or false, not \(node.value.kindName)", at: node.value.position)
            }
        }
        if let node = fields["note"], node.value.text == nil {
            sink.error("'note' must be a string, not \(node.value.kindName)", at: node.value.position)
        }
        let (pattern, issues) =
            parsed[ParsedTermKey(text: text, options: options)] ?? syntax.parse(text, options: options)
        for issue in issues {
            sink.report(
                issue.severity, "\(issue.message) in term '\(text)'", at: textNode.position(ofTextOffset: issue.offset))
        }
        return Entry(text: text, pattern: pattern, position: textNode.position, fields: fields)
    }

    /// Parses the term texts of a list on every core before the list is read one item after
    /// the other (parsing is most of the reading time of a lexicon of thousands of terms).
    /// Items are looked at without diagnostics here; `readEntry` reports on each and parses
    /// itself any text not found ahead.
    private mutating func parseAhead(_ items: [Node], syntax: TermSyntax) {
        let keys = items.compactMap(Self.quickKey)
        // One analysis session per share of the list (a session per term would be built and
        // thrown away thousands of times); shares side by side when the list is long.
        let shares = keys.count < Self.parallelParseMinimum ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let size = max(1, (keys.count + shares - 1) / shares)
        let ranges = stride(from: 0, to: keys.count, by: size).map { $0..<min($0 + size, keys.count) }
        let results = ranges.parallelMap(workers: shares) { range in
            var session = syntax.analyzer.makeSession()
            return keys[range].map { syntax.parse($0.text, options: $0.options, session: &session) }
        }.flatMap { $0 }
        parsed = Dictionary(zip(keys, results), uniquingKeysWith: { first, _ in first })
    }

    /// Lists shorter than this are parsed on the reading thread.
    private static let parallelParseMinimum = 64

    /// The text and options of a list item, when it is written plainly.
    private static func quickKey(_ item: Node) -> ParsedTermKey? {
        switch item {
        case .scalar:
            return item.text.map { ParsedTermKey(text: $0, options: TermOptions()) }
        case .mapping(let mapping):
            // Keys compared as text (Yams's `mapping["term"]` builds and compares a node each time).
            var text: String?
            var options = TermOptions()
            for (key, value) in mapping {
                switch key.text {
                case "term": text = value.text
                case "flexible": if let flexible = value.boolean { options.flexible = flexible }
                case "stem": if let stem = value.boolean { options.stem = stem }
                default: break
                }
            }
            return text.map { ParsedTermKey(text: $0, options: options) }
        default:
            return nil
        }
    }

    private struct ParsedTermKey: Hashable, Sendable {
        var text: String
        var options: TermOptions
    }

    // MARK: - Helpers

    struct KeyedField {
        var key: Node
        var value: Node
    }

    /// The known fields of a mapping by key; unknown and non-string keys are reported.
    private mutating func keyedFields(_ mapping: Node.Mapping, known: [String], context: String) -> [String: KeyedField]
    {
        var fields: [String: KeyedField] = [:]
        for (key, value) in mapping {
            guard let name = key.text else {
                sink.error("a \(context) must be a string, not \(key.kindName)", at: key.position)
                continue
            }
            guard known.contains(name) else {
                let hint = KeySuggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                sink.error(
                    "unknown \(context) '\(name)'\(hint); expected one of: \(known.joined(separator: ", "))",
                    at: key.position)
                continue
            }
            fields[name] = KeyedField(key: key, value: value)
        }
        return fields
    }

    private mutating func requiredString(
        _ key: String, in fields: [String: KeyedField], at position: SourcePosition, owner: String = "the lexicon"
    ) -> String? {
        guard let field = fields[key] else {
            sink.error("\(owner) has no '\(key)'", at: position)
            return nil
        }
        guard let text = scalarString(field.value, key: key) else { return nil }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            sink.error("'\(key)' is empty", at: field.value.isNull ? field.key.position : field.value.position)
            return nil
        }
        return text
    }

    /// The text of a scalar value; a diagnostic when it is a list, a mapping or null.
    private mutating func scalarString(_ node: Node, key: String) -> String? {
        if node.isNull {
            sink.error("'\(key)' is empty", at: node.position)
            return nil
        }
        guard let text = node.text else {
            sink.error("'\(key)' must be a string, not \(node.kindName)", at: node.position)
            return nil
        }
        return text
    }
}
