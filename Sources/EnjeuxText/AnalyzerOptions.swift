/// Switches of the analysis chain; each step can be turned off from the lexicon file.
/// Keys missing from a decoded value keep their default (on).
public struct AnalyzerOptions: Codable, Sendable, Hashable {
    /// Lowercase (Unicode lowercase mapping).
    public var foldCase = true
    /// Remove accents and other combining marks (`é`→`e`, `ç`→`c`).
    public var foldAccents = true
    /// Expand the French ligatures `œ`→`oe` and `æ`→`ae`.
    public var foldLigatures = true
    /// Apostrophes (`’ ʼ ‘`) become `'`; hyphens and dashes become `-`.
    public var unifyPunctuation = true
    /// Compute Snowball French stems; when off, `stem` equals `norm`.
    public var stem = true

    public init(
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

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        foldCase = try container.decodeIfPresent(Bool.self, forKey: .foldCase) ?? true
        foldAccents = try container.decodeIfPresent(Bool.self, forKey: .foldAccents) ?? true
        foldLigatures = try container.decodeIfPresent(Bool.self, forKey: .foldLigatures) ?? true
        unifyPunctuation = try container.decodeIfPresent(Bool.self, forKey: .unifyPunctuation) ?? true
        stem = try container.decodeIfPresent(Bool.self, forKey: .stem) ?? true
    }
}
