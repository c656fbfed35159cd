/// Settings of the ranking. The defaults are those documented in `docs/evidence.md`.
public struct EvidenceOptions: Codable, Sendable, Hashable {
    /// A passage is a candidate for an issue when its score for that issue is strictly above this.
    public var scoreThreshold: Double
    /// At most this many passages are shown per issue.
    public var maximumPassages: Int
    /// At most this many passages of one document among the first `cappedRanks` ranks.
    public var perDocumentCap: Int
    /// How many leading ranks the per-document cap applies to.
    public var cappedRanks: Int
    /// Two passages whose word-shingle Jaccard similarity is at least this are near-duplicates.
    public var nearDuplicateSimilarity: Double
    /// Number of words per shingle for the near-duplicate test.
    public var shingleSize: Int

    public init(
        scoreThreshold: Double = 0.5, maximumPassages: Int = 50, perDocumentCap: Int = 3,
        cappedRanks: Int = 10, nearDuplicateSimilarity: Double = 0.9, shingleSize: Int = 3
    ) {
        self.scoreThreshold = scoreThreshold
        self.maximumPassages = max(0, maximumPassages)
        self.perDocumentCap = max(1, perDocumentCap)
        self.cappedRanks = max(0, cappedRanks)
        self.nearDuplicateSimilarity = nearDuplicateSimilarity
        self.shingleSize = max(1, shingleSize)
    }
}
