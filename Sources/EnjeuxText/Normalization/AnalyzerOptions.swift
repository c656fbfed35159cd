/// Switches of the analysis chain; each step can be turned off from the lexicon file.
/// Keys missing from a decoded value keep their default (on).
package struct AnalyzerOptions: Codable, Sendable, Hashable {
    /// Lowercase (Unicode lowercase mapping).
    package var foldCase = true
    /// Remove accents and other combining marks (`é`→`e`, `ç`→`c`).
    package var foldAccents = true
    /// Expand the French ligatures `œ`→`oe` and `æ`→`ae`.
    package var foldLigatures = true
    /// Apostrophes (`’ ʼ ‘`) become `'`; hyphens and dashes become `-`.
    package var unifyPunctuation = true
    /// Compute Snowball French stems; when off, `stem` equals `norm`.
    package var stem = true

    package init(
        foldCase: Bool = true, foldAccents: Bool = true, foldLigatures: Bool = true, unifyPunctuation: Bool = true,
        stem: Bool = true
    ) {
        self.foldCase = foldCase
        self.foldAccents = foldAccents
        self.foldLigatures = foldLigatures
        self.unifyPunctuation = unifyPunctuation
        self.stem = stem
    }

    private enum CodingKeys: String, CodingKey {
        case foldCase, foldAccents, foldLigatures, unifyPunctuation, stem
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        foldCase = try container.decodeIfPresent(Bool.self, forKey: .foldCase) ?? true
        foldAccents = try container.decodeIfPresent(Bool.self, forKey: .foldAccents) ?? true
        foldLigatures = try container.decodeIfPresent(Bool.self, forKey: .foldLigatures) ?? true
        unifyPunctuation = try container.decodeIfPresent(Bool.self, forKey: .unifyPunctuation) ?? true
        stem = try container.decodeIfPresent(Bool.self, forKey: .stem) ?? true
    }
}
