import EnjeuxModel

/// A passage's tokens with what matching needs of each: vocabulary ids of its stem and
/// normalised form, glob trie node, sentence number, word ordinal, skippable flag, and the
/// surface text of the few tokens that may match an exact form. One array of small values,
/// filled in one pass.
struct PassageTokens {
    /// What matching needs of one token.
    struct Info {
        /// Vocabulary id of the normalised form (`TokenVocabulary.unknown` when no pattern uses it).
        var norm: Int32
        /// Vocabulary id of a word's stem (`TokenVocabulary.unknown` for other tokens and
        /// stems no pattern uses).
        var stem: Int32
        /// For a word, the deepest node of the lexicon's glob trie its normalised form
        /// reaches (-1 when it starts with no glob prefix, and for other tokens).
        var prefixNode: Int32
        /// Sentence number (a sentence ends after `.`, `!`, `?`, `…` or `;`).
        var sentence: Int32
        /// Number of word or number tokens before this one.
        var ordinal: Int32
        /// Index in `surfaces` of the token's exact text, or -1 when it cannot match an exact form.
        var surface: Int32
        /// Whether the token is a word or a number (the only tokens words, stems and globs match).
        var isWord: Bool
        /// Whether the token is an article or preposition a flexible phrase may skip.
        var skippable: Bool
        /// Whether some pattern can start at the token (through its stem, normalised form,
        /// a glob or an exact form): the matcher looks no further at the others.
        var mayStart: Bool
    }

    /// Where the tokens' normalised forms come from: the tokens themselves, or a document's
    /// forms table and each token's index in it.
    private enum Norms {
        case tokens([Token])
        case table([(String, String)], [Int])
    }
    private let norms: Norms
    let info: [Info]
    /// Number of tokens.
    var count: Int { info.count }
    /// Number of word and number tokens.
    let wordCount: Int
    /// The exact text of each token whose normalised form is that of an exact form of the lexicon.
    private let surfaces: [String]

    init(passage: Passage, lexicon: CompiledLexicon) {
        let tokens = passage.tokens
        let forms = tokens.map { FormInfo(norm: $0.norm, stem: $0.stem, lexicon: lexicon) }
        self.init(
            count: tokens.count, text: passage.text, norms: .tokens(tokens),
            token: { (forms[$0], Self.isWord(tokens[$0].kind), tokens[$0].kind == .punctuation) },
            offsets: { ScalarRange(start: tokens[$0].start, end: tokens[$0].end) })
    }

    /// The same from token columns, with the lookups of the document's forms in `forms`.
    init(passage: Passage, columns: PassageTokenColumns, forms: DocumentForms) {
        let info = forms.info
        self.init(
            count: min(columns.count, columns.kind.count, columns.form.count), text: passage.text,
            norms: .table(forms.table, columns.form),
            token: { (info[columns.form[$0]], Self.isWord(columns.kind[$0]), columns.kind[$0] == .punctuation) },
            offsets: { ScalarRange(start: columns.start[$0], end: columns.end[$0]) })
    }

    @inline(__always)
    private init(
        count: Int, text: String, norms: Norms, token: (Int) -> (form: FormInfo, isWord: Bool, isPunctuation: Bool),
        offsets: (Int) -> ScalarRange
    ) {
        var words: Int32 = 0
        var sentence: Int32 = 0
        var exactTokens: [Int] = []
        self.info = [Info](unsafeUninitializedCapacity: count) { buffer, initialized in
            for position in 0..<count {
                let (form, isWord, isPunctuation) = token(position)
                let mayBeExact = form.isExactNorm
                if mayBeExact { exactTokens.append(position) }
                buffer.initializeElement(
                    at: position,
                    to: Info(
                        norm: form.norm, stem: isWord ? form.stem : TokenVocabulary.unknown,
                        prefixNode: isWord ? form.prefixNode : -1, sentence: sentence, ordinal: words,
                        surface: mayBeExact ? Int32(exactTokens.count - 1) : -1, isWord: isWord,
                        skippable: form.skippable, mayStart: form.mayStartPattern(isWord: isWord)))
                if isWord { words += 1 }
                if isPunctuation && form.endsSentence { sentence += 1 }
            }
            initialized = count
        }
        self.norms = norms
        self.wordCount = Int(words)
        self.surfaces = exactTokens.isEmpty ? [] : ScalarSlices.slices(of: text, exactTokens.map(offsets))
    }

    /// The normalised form of token `index`.
    func norm(_ index: Int) -> String {
        switch norms {
        case .tokens(let tokens): tokens[index].norm
        case .table(let table, let form): table[form[index]].0
        }
    }

    /// Number of word or number tokens before token `index` (`wordCount` at `count`).
    func ordinal(_ index: Int) -> Int { index < count ? Int(info[index].ordinal) : wordCount }

    static func isWord(_ kind: TokenKind) -> Bool { kind == .word || kind == .number }

    static func endsSentence(_ norm: String) -> Bool {
        norm.unicodeScalars.contains { ".!?…;".unicodeScalars.contains($0) }
    }

    /// The exact text of token `index` when it may match an exact form, else "".
    func surface(_ index: Int) -> String {
        let slot = info[index].surface
        return slot >= 0 ? surfaces[Int(slot)] : ""
    }
}
