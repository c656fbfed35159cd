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
    /// A document's passages are listed only when the mean score of its best passages
    /// reaches this, or its share of passages above the threshold reaches
    /// `documentEvidenceShare` (`DocumentEvidence`): a manual or an off-topic page with a weak
    /// word here and there is not evidence, however many such words it has. 0 lists every
    /// document.
    package var documentEvidenceLevel: Double
    /// How many of a document's best passages its strength is the mean of.
    package var documentEvidencePassages: Int
    /// A document with at least this share of its passages above `scoreThreshold` is
    /// evidence whatever its strength (a short notice about the issues).
    package var documentEvidenceShare: Double

    package init(
        scoreThreshold: Double = 0.5, maximumPassages: Int = 50, perDocumentCap: Int = 3,
        cappedRanks: Int = 10, nearDuplicateSimilarity: Double = 0.9, shingleSize: Int = 3,
        documentEvidenceLevel: Double = 10, documentEvidencePassages: Int = 3,
        documentEvidenceShare: Double = 0.25
    ) {
        self.scoreThreshold = scoreThreshold
        self.maximumPassages = max(0, maximumPassages)
        self.perDocumentCap = max(1, perDocumentCap)
        self.cappedRanks = max(0, cappedRanks)
        self.nearDuplicateSimilarity = nearDuplicateSimilarity
        self.shingleSize = max(1, shingleSize)
        self.documentEvidenceLevel = max(0, documentEvidenceLevel)
        self.documentEvidencePassages = max(1, documentEvidencePassages)
        self.documentEvidenceShare = documentEvidenceShare
    }

    /// Reads the options of a `run.json`; one written before the document evidence level
    /// existed gets the defaults for it.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = EvidenceOptions()
        self.init(
            scoreThreshold: try container.decode(Double.self, forKey: .scoreThreshold),
            maximumPassages: try container.decode(Int.self, forKey: .maximumPassages),
            perDocumentCap: try container.decode(Int.self, forKey: .perDocumentCap),
            cappedRanks: try container.decode(Int.self, forKey: .cappedRanks),
            nearDuplicateSimilarity: try container.decode(Double.self, forKey: .nearDuplicateSimilarity),
            shingleSize: try container.decode(Int.self, forKey: .shingleSize),
            documentEvidenceLevel: try container.decodeIfPresent(Double.self, forKey: .documentEvidenceLevel)
                ?? defaults.documentEvidenceLevel,
            documentEvidencePassages: try container.decodeIfPresent(Int.self, forKey: .documentEvidencePassages)
                ?? defaults.documentEvidencePassages,
            documentEvidenceShare: try container.decodeIfPresent(Double.self, forKey: .documentEvidenceShare)
                ?? defaults.documentEvidenceShare)
    }
}
