import EnjeuxCore
import EnjeuxText

/// Every term and exclusion of a lexicon, numbered, with the hash indexes the matcher uses
/// to find the patterns that can start at a token in constant time.
struct CompiledLexicon: Sendable {
    /// What a compiled pattern belongs to.
    enum Role: Sendable, Hashable {
        /// Term `term` of category `category`.
        case term(category: Int, term: Int, weight: Double)
        /// An exclusion of one category, or of every category when `category` is nil.
        case exclusion(category: Int?, scope: ExclusionScope)
        /// A term of the lexicon's `context` section.
        case context
    }

    struct Entry: Sendable {
        var text: String
        var pattern: TermPattern
        var role: Role

        var anchorSequence: TermSequence {
            switch pattern {
            case .sequence(let sequence): sequence
            case .near(let left, _, _): left
            }
        }
    }

    let entries: [Entry]
    let categoryCount: Int
    /// Pattern ids by the key of their first element.
    let byStem: [String: [Int]]
    let byNorm: [String: [Int]]
    let byExact: [String: [Int]]
    let byPrefix: [String: [Int]]
    /// The distinct prefix lengths (in Unicode scalars: normalised forms are compared scalar
    /// by scalar), longest first.
    let prefixLengths: [Int]
    /// The first `prefixLengths.last` scalars of every prefix key: a token that does not
    /// start with one of them cannot match any glob, and the per-length lookups are skipped.
    let prefixHeads: Set<String>
    /// The normalised forms of every exact form (`=GMF` → `gmf`) anywhere in a pattern: only
    /// tokens with one of these norms can match an exact form, so only their surface text is
    /// needed.
    let exactNorms: Set<String>
    /// Normalised articles and prepositions that flexible phrases may skip.
    let skippable: Set<String>

    init(lexicon: Lexicon) {
        var entries: [Entry] = []
        for (categoryIndex, category) in lexicon.categories.enumerated() {
            for (termIndex, term) in category.terms.enumerated() {
                entries.append(
                    Entry(
                        text: term.text, pattern: term.pattern,
                        role: .term(category: categoryIndex, term: termIndex, weight: term.weight)))
            }
            for exclusion in category.exclusions {
                entries.append(
                    Entry(
                        text: exclusion.text, pattern: exclusion.pattern,
                        role: .exclusion(category: categoryIndex, scope: exclusion.scope)))
            }
        }
        for exclusion in lexicon.globalExclusions {
            entries.append(
                Entry(
                    text: exclusion.text, pattern: exclusion.pattern,
                    role: .exclusion(category: nil, scope: exclusion.scope))
            )
        }
        for term in lexicon.context?.terms ?? [] {
            entries.append(Entry(text: term.text, pattern: term.pattern, role: .context))
        }

        var byStem: [String: [Int]] = [:]
        var byNorm: [String: [Int]] = [:]
        var byExact: [String: [Int]] = [:]
        var byPrefix: [String: [Int]] = [:]
        for (id, entry) in entries.enumerated() {
            guard let first = entry.anchorSequence.elements.first else { continue }
            for anchor in Self.anchors(of: first) {
                switch anchor {
                case .stem(let key): byStem[key, default: []].append(id)
                case .norm(let key): byNorm[key, default: []].append(id)
                case .exact(let key): byExact[key, default: []].append(id)
                case .prefix(let key): byPrefix[key, default: []].append(id)
                case .optional, .choice: break
                }
            }
        }
        self.entries = entries
        self.categoryCount = lexicon.categories.count
        self.byStem = byStem
        self.byNorm = byNorm
        self.byExact = byExact
        self.byPrefix = byPrefix
        let prefixLengths = Set(byPrefix.keys.map(\.unicodeScalars.count)).sorted(by: >)
        self.prefixLengths = prefixLengths
        let shortest = prefixLengths.last ?? 0
        self.prefixHeads = Set(byPrefix.keys.map { String(Substring($0.unicodeScalars.prefix(shortest))) })
        let analyzer = FrenchAnalyzer(options: lexicon.analyzerOptions)
        var exactNorms = Set<String>()
        for entry in entries {
            switch entry.pattern {
            case .sequence(let sequence): Self.collectExactForms(sequence.elements, into: &exactNorms)
            case .near(let left, let right, _):
                Self.collectExactForms(left.elements, into: &exactNorms)
                Self.collectExactForms(right.elements, into: &exactNorms)
            }
        }
        self.exactNorms = Set(exactNorms.map { analyzer.normalize($0) })
        self.skippable = FunctionWords.normalized(FunctionWords.skippable, by: analyzer)
    }

    var hasExactForms: Bool { !exactNorms.isEmpty }

    /// Adds the surface of every exact form among `elements` (groups included).
    private static func collectExactForms(_ elements: [TermElement], into forms: inout Set<String>) {
        for element in elements {
            switch element {
            case .exact(let surface): forms.insert(surface)
            case .optional(let alternatives), .choice(let alternatives):
                for alternative in alternatives { collectExactForms(alternative, into: &forms) }
            case .stem, .norm, .prefix: break
            }
        }
    }

    /// The single-token elements a match of `element` can start with: the element itself, or
    /// the first element of each alternative of a required group. (The term syntax never puts
    /// an optional group first.)
    static func anchors(of element: TermElement) -> [TermElement] {
        switch element {
        case .stem, .norm, .exact, .prefix: [element]
        case .choice(let alternatives): alternatives.compactMap(\.first).flatMap(anchors)
        case .optional: []
        }
    }
}
