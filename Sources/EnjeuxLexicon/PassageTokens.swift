import EnjeuxCore

/// A passage's tokens with what matching needs beside them: vocabulary ids of their stems
/// and normalised forms, sentence numbers, word ordinals, surface forms (only when the
/// lexicon has exact forms) and the skippable flags.
struct PassageTokens {
    let tokens: [Token]
    /// Whether each token is a word or a number (the only tokens words, stems and globs match).
    let isWord: [Bool]
    /// Vocabulary id of each token's normalised form (`TokenVocabulary.unknown` when no
    /// pattern uses it).
    let normID: [Int32]
    /// Vocabulary id of each word's stem (`TokenVocabulary.unknown` for other tokens and
    /// stems no pattern uses).
    let stemID: [Int32]
    /// For each word, the deepest node of the lexicon's glob trie its normalised form reaches
    /// (-1 when it starts with no glob prefix, and for other tokens).
    let prefixNode: [Int32]
    /// Sentence number of each token (a sentence ends after `.`, `!`, `?`, `…` or `;`).
    let sentence: [Int]
    /// Number of word or number tokens before each token; `ordinal.last` holds the total.
    let ordinal: [Int]
    /// Whether each token is an article or preposition a flexible phrase may skip.
    let skippable: [Bool]
    /// The exact text of each token that may match an exact form of the lexicon (empty for
    /// the others, and no array at all when no token may).
    let surfaces: [String]

    init(passage: Passage, lexicon: CompiledLexicon) {
        let tokens = passage.tokens
        self.tokens = tokens
        let count = tokens.count
        var isWord = [Bool]()
        var normID = [Int32]()
        var stemID = [Int32]()
        var prefixNode = [Int32]()
        var sentence = [Int]()
        var ordinal = [Int]()
        var skippable = [Bool]()
        isWord.reserveCapacity(count)
        normID.reserveCapacity(count)
        stemID.reserveCapacity(count)
        prefixNode.reserveCapacity(count)
        sentence.reserveCapacity(count)
        ordinal.reserveCapacity(count + 1)
        skippable.reserveCapacity(count)
        var currentSentence = 0
        var words = 0
        var mayMatchExactForm = false
        let vocabulary = lexicon.vocabulary
        let trie = lexicon.prefixes
        let hasGlobs = !trie.isEmpty
        for token in tokens {
            let word = Self.isWord(token)
            let lookUpGlobs = word && hasGlobs
            let (norm, node) = TokenVocabulary.withUTF8(token.norm) { bytes in
                (vocabulary.id(ofBytes: bytes), lookUpGlobs ? trie.deepestMatch(of: bytes) : -1)
            }
            isWord.append(word)
            normID.append(norm)
            prefixNode.append(node)
            stemID.append(word ? vocabulary.id(of: token.stem) : TokenVocabulary.unknown)
            let known = norm != TokenVocabulary.unknown
            skippable.append(known && lexicon.isSkippable[Int(norm)])
            if known && lexicon.isExactNorm[Int(norm)] { mayMatchExactForm = true }
            sentence.append(currentSentence)
            ordinal.append(words)
            if word { words += 1 }
            if token.kind == .punctuation && Self.endsSentence(token.norm) { currentSentence += 1 }
        }
        ordinal.append(words)
        self.isWord = isWord
        self.normID = normID
        self.stemID = stemID
        self.prefixNode = prefixNode
        self.sentence = sentence
        self.ordinal = ordinal
        self.skippable = skippable
        if mayMatchExactForm {
            // Only tokens whose norm is that of an exact form can match one; the others keep "".
            let scalars = Array(passage.text.unicodeScalars)
            self.surfaces = zip(tokens, normID).map { token, norm in
                guard norm != TokenVocabulary.unknown, lexicon.isExactNorm[Int(norm)] else { return "" }
                let lower = max(0, min(token.start, scalars.count))
                let upper = max(lower, min(token.end, scalars.count))
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[lower..<upper])
                return String(view)
            }
        } else {
            self.surfaces = []
        }
    }

    var count: Int { tokens.count }
    var wordCount: Int { ordinal.last ?? 0 }

    static func isWord(_ token: Token) -> Bool { token.kind == .word || token.kind == .number }

    static func endsSentence(_ norm: String) -> Bool {
        norm.unicodeScalars.contains { ".!?…;".unicodeScalars.contains($0) }
    }

    func surface(_ index: Int) -> String { index < surfaces.count ? surfaces[index] : "" }
}
