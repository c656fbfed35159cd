import EnjeuxModel

/// The French analysis chain: tokenizer, then normalisation filters (punctuation unification,
/// case folding, ligature folding, accent folding) and the Snowball French stemmer.
///
/// Token offsets are Unicode-scalar offsets into the analysed text. `norm` is the normalised
/// surface form; `stem` is, for words, the Snowball stem of the case-folded form *with its
/// accents* (the algorithm needs them), then accent-folded like `norm`; for other tokens it equals
/// `norm`. See `docs/analysis.md`.
package struct FrenchAnalyzer: Sendable {
    /// Version of the chain, recorded in tokenized files so a change forces re-tokenization.
    package static let version = "fr-1.0"
    package var options: AnalyzerOptions

    package init(options: AnalyzerOptions = AnalyzerOptions()) {
        self.options = options
    }

    /// Tokens of `text` with Unicode-scalar offsets, normalised and stemmed forms.
    package func tokens(in text: String) -> [Token] {
        var session = AnalysisSession(options: options)
        return session.tokens(in: ScalarText(text))
    }

    /// A reusable analysis state for a sequence of texts (see `Session`).
    package func makeSession() -> Session { Session(options: options) }

    /// Reusable analysis state: scratch buffers and a cache of the forms already computed for each
    /// token surface, so the words a corpus repeats are normalised and stemmed once. A value type;
    /// use one per worker (it is not shared between threads), e.g. one per batch of documents.
    package struct Session: Sendable {
        var state: AnalysisSession

        init(options: AnalyzerOptions) { state = AnalysisSession(options: options) }

        /// The options the session analyses with.
        package var options: AnalyzerOptions { state.options }

        /// Tokens of `text`, exactly as `FrenchAnalyzer.tokens(in:)` gives them.
        package mutating func tokens(in text: String) -> [Token] {
            state.tokens(in: ScalarText(text))
        }
    }

    /// Raw tokens (kinds and offsets only) of `text`.
    package func rawTokens(in text: String) -> [RawToken] {
        FrenchTokenizer().tokenize(text)
    }

    /// Normalised form of one word (no tokenization): the `norm` a token with this surface would get.
    package func normalize(_ word: String) -> String {
        var normalizer = TokenNormalizer(options: options)
        let scalars = word.unicodeScalars.map(\.value)
        normalizer.fold(scalars[...], kind: .word)
        return normalizer.normString()
    }

    /// Stem of one word given in its surface or normalised form: the Snowball stem of its
    /// case-folded, accented form, accent-folded when the options say so. Pass the surface form
    /// (with accents) to get exactly the `stem` of a token.
    package func stem(_ word: String) -> String {
        var normalizer = TokenNormalizer(options: options)
        let scalars = word.unicodeScalars.map(\.value)
        normalizer.fold(scalars[...], kind: .word)
        return normalizer.stemString()
    }
}

/// Analysis state reused across the texts of one document: scratch buffers and a cache of the
/// forms already computed for each token surface.
struct AnalysisSession: Sendable {
    private var normalizer: TokenNormalizer
    private var surfaces = SurfaceCache()
    let options: AnalyzerOptions

    init(options: AnalyzerOptions) {
        self.options = options
        normalizer = TokenNormalizer(options: options)
    }

    mutating func tokens(in text: ScalarText) -> [Token] {
        let raw = FrenchTokenizer().tokenize(text)
        return tokens(in: text, raw: raw)
    }

    mutating func tokens(in text: ScalarText, raw: [RawToken]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(raw.count)
        let values = text.values
        for token in raw {
            let range = token.start..<token.end
            let hash = SurfaceCache.hash(values, range, token.kind)
            if let (norm, stem) = surfaces.lookup(values, range, hash: hash) {
                out.append(Token(start: token.start, end: token.end, kind: token.kind, norm: norm, stem: stem))
                continue
            }
            let (norm, stem) = analyze(values[range], kind: token.kind)
            surfaces.insert(values, range, hash: hash, norm: norm, stem: stem)
            out.append(Token(start: token.start, end: token.end, kind: token.kind, norm: norm, stem: stem))
        }
        return out
    }

    private mutating func analyze(_ scalars: ArraySlice<UInt32>, kind: TokenKind) -> (String, String) {
        normalizer.fold(scalars, kind: kind)
        let norm = normalizer.normString()
        guard kind == .word, options.stem else { return (norm, norm) }
        return (norm, normalizer.stemString())
    }
}
