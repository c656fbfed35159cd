import EnjeuxModel

/// What matching needs to know of one (norm, stem) form, looked up in a lexicon once.
struct FormInfo: Sendable {
    /// Vocabulary id of the normalised form (`TokenVocabulary.unknown` when no pattern uses it).
    var norm: Int32
    /// Vocabulary id of the stem (`TokenVocabulary.unknown` when no pattern uses it).
    var stem: Int32
    /// The deepest node of the glob trie the normalised form reaches (-1 for none).
    var prefixNode: Int32
    /// Whether a punctuation token with this form ends a sentence.
    var endsSentence: Bool
    /// Whether the form is an article or preposition a flexible phrase may skip.
    var skippable: Bool
    /// Whether the normalised form is that of an exact form of the lexicon (`=GMF` → `gmf`):
    /// only such tokens can match one.
    var isExactNorm: Bool
    /// Whether a word token with this form can start a pattern through its stem, its
    /// normalised form or a glob.
    var anchorsWord: Bool

    init(norm: String, stem: String, lexicon: CompiledLexicon) {
        let vocabulary = lexicon.vocabulary
        let trie = lexicon.prefixes
        let hasGlobs = !trie.isEmpty
        let (normID, node) = TokenVocabulary.withUTF8(norm) { bytes in
            (vocabulary.id(ofBytes: bytes), hasGlobs ? trie.deepestMatch(of: bytes) : -1)
        }
        let stemID = vocabulary.id(of: stem)
        self.norm = normID
        self.stem = stemID
        self.prefixNode = node
        self.endsSentence = PassageTokens.endsSentence(norm)
        let known = normID != TokenVocabulary.unknown
        self.skippable = known && lexicon.isSkippable[Int(normID)]
        self.isExactNorm = known && lexicon.isExactNorm[Int(normID)]
        self.anchorsWord =
            node >= 0 || Self.hasAnchors(in: lexicon.stemAnchorStart, id: stemID)
            || Self.hasAnchors(in: lexicon.normAnchorStart, id: normID)
    }

    /// Whether a token with this form can start a pattern (`isWord`: it is a word or a number).
    func mayStartPattern(isWord: Bool) -> Bool { (isWord && anchorsWord) || isExactNorm }

    /// Whether vocabulary id `id` has a run of pattern ids in an anchor index (`start`, as
    /// `CompiledLexicon.stemAnchorStart`).
    private static func hasAnchors(in start: [Int], id: Int32) -> Bool {
        id != TokenVocabulary.unknown && start[Int(id)] < start[Int(id) + 1]
    }
}

/// A document's forms table (the (norm, stem) pairs its passage file lists once) looked up
/// in a lexicon's vocabulary once per form rather than once per token. Grows as the table
/// does; one per document being read.
package struct DocumentForms: Sendable {
    private(set) var table: [(String, String)] = []
    private(set) var info: [FormInfo] = []

    package init() {}

    /// Looks up the forms of `table` not seen yet (the table only grows within a document).
    mutating func update(to table: [(String, String)], lexicon: CompiledLexicon) {
        guard table.count != self.table.count else { return }
        if table.count < self.table.count { self = DocumentForms() }
        info.reserveCapacity(table.count)
        for (norm, stem) in table[self.table.count...] {
            info.append(FormInfo(norm: norm, stem: stem, lexicon: lexicon))
        }
        self.table = table
    }

    /// Whether a token with form `index` of the table may start a pattern, whatever its kind
    /// (a word form through its stem, normalised form or a glob; any token through an exact form).
    package func mayStart(form index: Int) -> Bool {
        index < info.count && (info[index].anchorsWord || info[index].isExactNorm)
    }

    /// The number of word and number tokens of a passage when none of its tokens can start a
    /// pattern (so that it has no match at all), else nil.
    func wordCountWithoutAnchors(_ columns: PassageTokenColumns) -> Int? {
        var words = 0
        var mayMatch = false
        columns.kind.withUnsafeBufferPointer { kinds in
            columns.form.withUnsafeBufferPointer { forms in
                for position in 0..<min(kinds.count, forms.count) {
                    let kind = kinds[position]
                    let isWord = kind == .word || kind == .number
                    if isWord { words += 1 }
                    if info[forms[position]].mayStartPattern(isWord: isWord) {
                        mayMatch = true
                        break
                    }
                }
            }
        }
        return mayMatch ? nil : words
    }
}
