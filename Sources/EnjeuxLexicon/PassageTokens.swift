import EnjeuxCore

/// A passage's tokens with what matching needs beside them: vocabulary ids of their stems
/// and normalised forms, sentence numbers, word ordinals, surface forms (only when the
/// lexicon has exact forms) and the skippable flags.
struct PassageTokens {
    /// Where the tokens' normalised forms come from: the tokens themselves, or a document's
    /// forms table and each token's index in it.
    private enum Norms {
        case tokens([Token])
        case table([(String, String)], [Int])
    }
    private let norms: Norms
    /// Number of tokens.
    let count: Int
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
        let vocabulary = lexicon.vocabulary
        let trie = lexicon.prefixes
        let hasGlobs = !trie.isEmpty
        var builder = Builder(count: tokens.count)
        for token in tokens {
            let word = Self.isWord(token)
            let (norm, node) = TokenVocabulary.withUTF8(token.norm) { bytes in
                (vocabulary.id(ofBytes: bytes), word && hasGlobs ? trie.deepestMatch(of: bytes) : -1)
            }
            builder.append(
                word: word, norm: norm, stem: word ? vocabulary.id(of: token.stem) : TokenVocabulary.unknown,
                prefixNode: node, endsSentence: token.kind == .punctuation && Self.endsSentence(token.norm),
                lexicon: lexicon)
        }
        self.init(
            builder: builder, norms: .tokens(tokens), text: passage.text, starts: tokens.map(\.start),
            ends: tokens.map(\.end), lexicon: lexicon)
    }

    /// The same from token columns, looking each form up once per document in `forms`.
    init(passage: Passage, columns: PassageTokenColumns, forms: DocumentForms, lexicon: CompiledLexicon) {
        var builder = Builder(count: columns.count)
        for position in 0..<columns.count {
            let kind = columns.kind[position]
            let word = kind == .word || kind == .number
            let form = columns.form[position]
            builder.append(
                word: word, norm: forms.normID[form], stem: word ? forms.stemID[form] : TokenVocabulary.unknown,
                prefixNode: word ? forms.prefixNode[form] : -1,
                endsSentence: kind == .punctuation && forms.endsSentence[form], lexicon: lexicon)
        }
        self.init(
            builder: builder, norms: .table(forms.table, columns.form), text: passage.text, starts: columns.start,
            ends: columns.end, lexicon: lexicon)
    }

    /// The per-token columns being filled.
    private struct Builder {
        var isWord: [Bool] = []
        var normID: [Int32] = []
        var stemID: [Int32] = []
        var prefixNode: [Int32] = []
        var sentence: [Int] = []
        var ordinal: [Int] = []
        var skippable: [Bool] = []
        var currentSentence = 0
        var words = 0
        var mayMatchExactForm = false

        init(count: Int) {
            isWord.reserveCapacity(count)
            normID.reserveCapacity(count)
            stemID.reserveCapacity(count)
            prefixNode.reserveCapacity(count)
            sentence.reserveCapacity(count)
            ordinal.reserveCapacity(count + 1)
            skippable.reserveCapacity(count)
        }

        mutating func append(
            word: Bool, norm: Int32, stem: Int32, prefixNode node: Int32, endsSentence: Bool, lexicon: CompiledLexicon
        ) {
            isWord.append(word)
            normID.append(norm)
            prefixNode.append(node)
            stemID.append(stem)
            let known = norm != TokenVocabulary.unknown
            skippable.append(known && lexicon.isSkippable[Int(norm)])
            if known && lexicon.isExactNorm[Int(norm)] { mayMatchExactForm = true }
            sentence.append(currentSentence)
            ordinal.append(words)
            if word { words += 1 }
            if endsSentence { currentSentence += 1 }
        }
    }

    private init(
        builder: Builder, norms: Norms, text: String, starts: [Int], ends: [Int], lexicon: CompiledLexicon
    ) {
        self.norms = norms
        self.count = builder.isWord.count
        self.isWord = builder.isWord
        self.normID = builder.normID
        self.stemID = builder.stemID
        self.prefixNode = builder.prefixNode
        self.sentence = builder.sentence
        self.ordinal = builder.ordinal + [builder.words]
        self.skippable = builder.skippable
        if builder.mayMatchExactForm {
            // Only tokens whose norm is that of an exact form can match one; the others keep "".
            let scalars = Array(text.unicodeScalars)
            self.surfaces = (0..<builder.normID.count).map { index in
                let norm = builder.normID[index]
                guard norm != TokenVocabulary.unknown, lexicon.isExactNorm[Int(norm)] else { return "" }
                let lower = max(0, min(starts[index], scalars.count))
                let upper = max(lower, min(ends[index], scalars.count))
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[lower..<upper])
                return String(view)
            }
        } else {
            self.surfaces = []
        }
    }

    /// The normalised form of token `index`.
    func norm(_ index: Int) -> String {
        switch norms {
        case .tokens(let tokens): tokens[index].norm
        case .table(let table, let form): table[form[index]].0
        }
    }

    var wordCount: Int { ordinal.last ?? 0 }

    static func isWord(_ token: Token) -> Bool { token.kind == .word || token.kind == .number }

    static func endsSentence(_ norm: String) -> Bool {
        norm.unicodeScalars.contains { ".!?…;".unicodeScalars.contains($0) }
    }

    func surface(_ index: Int) -> String { index < surfaces.count ? surfaces[index] : "" }
}
