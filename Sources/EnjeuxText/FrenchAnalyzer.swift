import EnjeuxCore

/// The French analysis chain: tokenizer, then normalisation filters (punctuation unification,
/// case folding, ligature folding, accent folding) and the Snowball French stemmer.
///
/// Token offsets are Unicode-scalar offsets into the analysed text. `norm` is the normalised
/// surface form; `stem` is, for words, the Snowball stem of the case-folded form *with its
/// accents* (the algorithm needs them), then accent-folded like `norm`; for other tokens it equals
/// `norm`. See `docs/analysis.md`.
public struct FrenchAnalyzer: Sendable {
    /// Version of the chain, recorded in tokenized files so a change forces re-tokenization.
    public static let version = "fr-1.0"
    public var options: AnalyzerOptions

    public init(options: AnalyzerOptions = AnalyzerOptions()) {
        self.options = options
    }

    /// Tokens of `text` with Unicode-scalar offsets, normalised and stemmed forms.
    public func tokens(in text: String) -> [Token] {
        var session = AnalysisSession(options: options)
        return session.tokens(in: ScalarText(text))
    }

    /// Raw tokens (kinds and offsets only) of `text`.
    public func rawTokens(in text: String) -> [RawToken] {
        FrenchTokenizer().tokenize(text)
    }

    /// Normalised form of one word (no tokenization): the `norm` a token with this surface would get.
    public func normalize(_ word: String) -> String {
        var normalizer = TokenNormalizer(options: options)
        let scalars = word.unicodeScalars.map(\.value)
        normalizer.fold(scalars[...], kind: .word)
        return normalizer.normString()
    }

    /// Stem of one word given in its surface or normalised form: the Snowball stem of its
    /// case-folded, accented form, accent-folded when the options say so. Pass the surface form
    /// (with accents) to get exactly the `stem` of a token.
    public func stem(_ word: String) -> String {
        var normalizer = TokenNormalizer(options: options)
        let scalars = word.unicodeScalars.map(\.value)
        normalizer.fold(scalars[...], kind: .word)
        return normalizer.stemString()
    }
}

/// Analysis state reused across the texts of one document: scratch buffers and a stem cache.
struct AnalysisSession {
    private var normalizer: TokenNormalizer
    private var stemCache: [String: String] = [:]
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
        for token in raw {
            normalizer.fold(text.values[token.start..<token.end], kind: token.kind)
            let norm = normalizer.normString()
            var stem = norm
            if token.kind == .word, options.stem {
                let key = normalizer.stemInputString()
                if let cached = stemCache[key] {
                    stem = cached
                } else {
                    stem = normalizer.stemString()
                    stemCache[key] = stem
                }
            }
            out.append(Token(start: token.start, end: token.end, kind: token.kind, norm: norm, stem: stem))
        }
        return out
    }
}
