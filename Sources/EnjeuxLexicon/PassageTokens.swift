import EnjeuxCore

/// A passage's tokens with what matching needs beside them: sentence numbers, word ordinals,
/// surface forms (only when the lexicon has exact forms) and the skippable flags.
struct PassageTokens {
    let tokens: [Token]
    /// Sentence number of each token (a sentence ends after `.`, `!`, `?`, `…` or `;`).
    let sentence: [Int]
    /// Number of word or number tokens before each token; `ordinal.last` holds the total.
    let ordinal: [Int]
    /// Whether each token is an article or preposition a flexible phrase may skip.
    let skippable: [Bool]
    /// The exact text of each token, or empty when the lexicon has no exact forms.
    let surfaces: [String]

    init(passage: Passage, lexicon: CompiledLexicon) {
        let tokens = passage.tokens
        self.tokens = tokens
        var sentence = [Int]()
        var ordinal = [Int]()
        sentence.reserveCapacity(tokens.count)
        ordinal.reserveCapacity(tokens.count + 1)
        var currentSentence = 0
        var words = 0
        for token in tokens {
            sentence.append(currentSentence)
            ordinal.append(words)
            if Self.isWord(token) { words += 1 }
            if token.kind == .punctuation && Self.endsSentence(token.norm) { currentSentence += 1 }
        }
        ordinal.append(words)
        self.sentence = sentence
        self.ordinal = ordinal
        self.skippable = tokens.map { lexicon.skippable.contains($0.norm) }
        if lexicon.hasExactForms {
            let scalars = Array(passage.text.unicodeScalars)
            self.surfaces = tokens.map { token in
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
