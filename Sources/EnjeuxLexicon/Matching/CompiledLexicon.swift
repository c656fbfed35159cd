import EnjeuxFrench
import EnjeuxText

/// Every term and exclusion of a lexicon, numbered, with the indexes the matcher uses to find
/// the patterns that can start at a token in constant time: ids of stems and normalised
/// forms, a trie of glob prefixes, exact surface forms.
final class CompiledLexicon: Sendable {
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
    /// Every stem and normalised form a pattern element, an anchor, a skippable function word
    /// or an exact form's norm can need, interned: tokens are looked up once by their bytes.
    let vocabulary: TokenVocabulary
    /// `entries[i].pattern` with vocabulary ids in place of stems and normalised forms.
    let patterns: [MatchPattern]
    /// Pattern ids (sorted, distinct) whose first element is the stem with vocabulary id `v`:
    /// `stemAnchorIDs[stemAnchorStart[v]..<stemAnchorStart[v + 1]]`.
    let stemAnchorStart: [Int]
    let stemAnchorIDs: [Int]
    /// The same for first elements matched on the normalised form.
    let normAnchorStart: [Int]
    let normAnchorIDs: [Int]
    /// Pattern ids by the exact surface form of their first element.
    let byExact: [String: [Int]]
    /// Pattern ids by the prefix of their leading glob.
    let prefixes: PrefixTrie
    /// Whether vocabulary id `v` is the norm of an article or preposition flexible phrases
    /// may skip.
    let isSkippable: [Bool]
    /// Whether vocabulary id `v` is the normalised form of an exact form (`=GMF` → `gmf`) of
    /// some pattern: only tokens with such a norm can match an exact form, so only their
    /// surface text is needed.
    let isExactNorm: [Bool]
    /// For each pattern that is a sequence of words and stems only (most terms), where its
    /// elements are in `simpleElements`; nil for the others (groups, globs, exact forms, NEAR).
    let simpleSequences: [SimpleSequence?]
    let simpleElements: [SimpleElement]

    /// Pattern ids by the single-token element a pattern can start with.
    private struct AnchorLists {
        var byStem: [Int32: [Int]] = [:]
        var byNorm: [Int32: [Int]] = [:]
        var byExact: [String: [Int]] = [:]
        var byPrefix: [String: [Int]] = [:]
    }

    init(lexicon: Lexicon) {
        let entries = Self.entries(of: lexicon)
        // Interning order: pattern elements, anchors, exact forms' norms, skippable words.
        var vocabulary = TokenVocabulary()
        let patterns = entries.map { MatchPattern($0.pattern, vocabulary: &vocabulary) }
        let anchors = Self.anchorLists(entries, vocabulary: &vocabulary)
        let analyzer = FrenchAnalyzer(options: lexicon.analyzerOptions)
        let exactNormIDs = Self.exactNormIDs(entries, analyzer: analyzer, vocabulary: &vocabulary)
        let skippableIDs = Set(
            Lexicon.functionWordForms(FrenchFunctionWords.skippable, by: analyzer).map { vocabulary.intern($0) })

        self.entries = entries
        self.categoryCount = lexicon.categories.count
        self.patterns = patterns
        (self.stemAnchorStart, self.stemAnchorIDs) = Self.flatten(anchors.byStem, count: vocabulary.count)
        (self.normAnchorStart, self.normAnchorIDs) = Self.flatten(anchors.byNorm, count: vocabulary.count)
        self.byExact = anchors.byExact.mapValues { Array(Set($0)).sorted() }
        self.prefixes = PrefixTrie(prefixes: anchors.byPrefix)
        self.isSkippable = (0..<vocabulary.count).map { skippableIDs.contains(Int32($0)) }
        self.isExactNorm = (0..<vocabulary.count).map { exactNormIDs.contains(Int32($0)) }
        self.vocabulary = vocabulary
        (self.simpleSequences, self.simpleElements) = Self.simpleSequences(patterns)
    }

    /// Every term, exclusion and context term of the lexicon, in a fixed order: by category,
    /// its terms then its exclusions; then the global exclusions; then the context.
    private static func entries(of lexicon: Lexicon) -> [Entry] {
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
        return entries
    }

    /// The entries each first element (or group alternative's first element) can start.
    private static func anchorLists(_ entries: [Entry], vocabulary: inout TokenVocabulary) -> AnchorLists {
        var lists = AnchorLists()
        for (id, entry) in entries.enumerated() {
            guard let first = entry.anchorSequence.elements.first else { continue }
            for anchor in Self.anchors(of: first) {
                switch anchor {
                case .stem(let key): lists.byStem[vocabulary.intern(key), default: []].append(id)
                case .norm(let key): lists.byNorm[vocabulary.intern(key), default: []].append(id)
                case .exact(let key): lists.byExact[key, default: []].append(id)
                case .prefix(let key): lists.byPrefix[key, default: []].append(id)
                case .optional, .choice: break
                }
            }
        }
        return lists
    }

    /// Vocabulary ids of the normalised forms of every exact form of the entries.
    private static func exactNormIDs(
        _ entries: [Entry], analyzer: FrenchAnalyzer, vocabulary: inout TokenVocabulary
    ) -> Set<Int32> {
        var exactForms = Set<String>()
        for entry in entries {
            switch entry.pattern {
            case .sequence(let sequence): Self.collectExactForms(sequence.elements, into: &exactForms)
            case .near(let left, let right, _):
                Self.collectExactForms(left.elements, into: &exactForms)
                Self.collectExactForms(right.elements, into: &exactForms)
            }
        }
        return Set(exactForms.map { vocabulary.intern(analyzer.normalize($0)) })
    }

    /// The patterns made of words and stems only, as ranges of one flat element list.
    private static func simpleSequences(_ patterns: [MatchPattern]) -> ([SimpleSequence?], [SimpleElement]) {
        var simpleElements: [SimpleElement] = []
        let sequences: [SimpleSequence?] = patterns.map { pattern in
            guard case .sequence(let sequence) = pattern else { return nil }
            var elements: [SimpleElement] = []
            for element in sequence.elements {
                switch element {
                case .stem(let id): elements.append(SimpleElement(id: id, isStem: true))
                case .norm(let id): elements.append(SimpleElement(id: id, isStem: false))
                case .prefix, .exact, .optional, .choice: return nil
                }
            }
            guard !elements.isEmpty else { return nil }
            defer { simpleElements += elements }
            return SimpleSequence(
                elements: simpleElements.count..<(simpleElements.count + elements.count), flexible: sequence.flexible)
        }
        return (sequences, simpleElements)
    }

    /// Lists of pattern ids by vocabulary id as one array of distinct sorted ids and the
    /// start of each id's run.
    private static func flatten(_ lists: [Int32: [Int]], count: Int) -> (start: [Int], ids: [Int]) {
        var start: [Int] = []
        var ids: [Int] = []
        start.reserveCapacity(count + 1)
        for key in 0..<count {
            start.append(ids.count)
            if let list = lists[Int32(key)] { ids += Array(Set(list)).sorted() }
        }
        start.append(ids.count)
        return (start, ids)
    }

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
