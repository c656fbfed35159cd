import EnjeuxModel
import EnjeuxText

/// Shared steps of the dictionary importers: category ids from names, and patterns turned
/// into terms with the lexicon's own syntax.
struct DictionaryImport {
    /// Globs in imported dictionaries may be as short as `a*`.
    static let minimumPrefixLength = 1

    var sink: DiagnosticSink
    let syntax: TermSyntax
    let stemWords: Bool
    private var usedIDs = Set<String>()

    init(file: String, stemWords: Bool) {
        self.sink = DiagnosticSink(file: file)
        self.syntax = TermSyntax(analyzer: FrenchAnalyzer(), minimumPrefixLength: Self.minimumPrefixLength)
        self.stemWords = stemWords
    }

    /// A valid, unused category id made from a dictionary's category name (or nested names,
    /// joined with `.`).
    mutating func categoryID(for path: [String]) -> String {
        let base = path.map { name in
            var slug = Slug.make(name, maxLength: 60)
            if slug.isEmpty { slug = "category" }
            if let first = slug.unicodeScalars.first, !("a"..."z").contains(first) { slug = "c-" + slug }
            return slug
        }.joined(separator: ".")
        var id = base
        var suffix = 2
        while usedIDs.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        usedIDs.insert(id)
        return id
    }

    /// The term for one dictionary pattern, or nil (with a warning) when the pattern uses a
    /// feature the lexicon does not have.
    mutating func term(_ pattern: String, at position: SourcePosition) -> LexiconTerm? {
        let text = pattern.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        if text.contains("?") || text.contains("[") || text.contains("]") || text.contains("|") || text.hasPrefix("=") {
            sink.warning(
                "pattern '\(text)' uses a wildcard or character the lexicon does not support; skipped", at: position)
            return nil
        }
        let (parsed, issues) = syntax.parse(text, options: TermOptions(flexible: false, stem: stemWords))
        guard let parsed else {
            let reason = issues.first { $0.severity == .error }?.message ?? "cannot be read"
            sink.warning("pattern '\(text)' skipped: \(reason)", at: position)
            return nil
        }
        return LexiconTerm(text: text, pattern: parsed, weight: 1, position: position)
    }

    /// A category from its imported terms, without duplicates; nil (with a warning) when empty.
    mutating func category(
        id: String, label: String, description: String, terms: [LexiconTerm], at position: SourcePosition
    ) -> LexiconCategory? {
        var seen = Set<TermPattern>()
        let unique = terms.filter { seen.insert($0.pattern).inserted }
        guard !unique.isEmpty else {
            sink.warning("category '\(label)' has no usable pattern; left out", at: position)
            return nil
        }
        return LexiconCategory(id: id, label: label, description: description, terms: unique)
    }

    /// The finished lexicon, or every error found.
    func lexicon(name: String, categories: [LexiconCategory]) throws(LexiconError) -> Lexicon {
        var sink = self.sink
        if categories.isEmpty && !sink.hasErrors {
            sink.error(
                "the dictionary defines no category with usable patterns", at: SourcePosition(line: 1, column: 1))
        }
        if sink.hasErrors { throw LexiconError(diagnostics: sink.sorted) }
        return Lexicon(
            name: name, version: "imported", language: "fr", categories: categories,
            warnings: sink.sorted.filter { $0.severity == .warning })
    }
}
