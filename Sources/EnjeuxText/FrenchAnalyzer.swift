import EnjeuxCore

/// Switches of the analysis chain; each step can be turned off from the lexicon file.
public struct AnalyzerOptions: Codable, Sendable, Hashable {
    public var foldCase = true
    public var foldAccents = true
    public var foldLigatures = true
    public var unifyPunctuation = true
    public var stem = true

    public init() {}
}

/// French analysis chain: tokenizer, then normalisation and stemming filters.
/// SKELETON: to be replaced by the real implementation.
public struct FrenchAnalyzer: Sendable {
    /// Version of the chain, recorded in tokenized files so a change forces re-tokenization.
    public static let version = "0-skeleton"
    public var options: AnalyzerOptions

    public init(options: AnalyzerOptions = AnalyzerOptions()) {
        self.options = options
    }

    /// Tokens of `text` with Unicode-scalar offsets, normalised and stemmed forms.
    public func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        var start: Int? = nil
        var current = ""
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if start == nil { start = offset }
                current.unicodeScalars.append(scalar)
            } else if let s = start {
                tokens.append(Token(start: s, end: offset, kind: .word, norm: normalize(current), stem: stem(normalize(current))))
                start = nil
                current = ""
            }
            offset += 1
        }
        if let s = start {
            tokens.append(Token(start: s, end: offset, kind: .word, norm: normalize(current), stem: stem(normalize(current))))
        }
        return tokens
    }

    /// Normalised form of one word.
    public func normalize(_ word: String) -> String {
        options.foldCase ? word.lowercased() : word
    }

    /// Stem of a normalised word.
    public func stem(_ word: String) -> String { word }
}
