/// Settings of the ranking. The defaults are those documented in `docs/evidence.md`.
package struct EvidenceOptions: Codable, Sendable, Hashable {
    /// A passage is a candidate for an issue when its score for that issue is strictly above this.
    package var scoreThreshold: Double
    /// At most this many passages are shown per issue.
    package var maximumPassages: Int
    /// At most this many passages of one document among the first `cappedRanks` ranks.
    package var perDocumentCap: Int
    /// How many leading ranks the per-document cap applies to.
    package var cappedRanks: Int
    /// Two passages whose word-shingle Jaccard similarity is at least this are near-duplicates.
    package var nearDuplicateSimilarity: Double
    /// Number of words per shingle for the near-duplicate test.
    package var shingleSize: Int

    package init(
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
