/// The constants of the scoring formula (see docs/lexicon.md).
package struct ScoringParameters: Sendable, Hashable, Codable {
    /// Saturation of repeated hits of one term: tf·(k1+1)/(tf+K). Smaller saturates sooner.
    package var k1: Double
    /// Strength of the passage-length normalisation, 0 (none) to 1 (full BM25).
    package var b: Double
    /// Bonus per additional distinct term of the issue in the passage.
    package var coordinationBonus: Double
    /// Distinct terms beyond this number add no further bonus.
    package var coordinationLimit: Int
    /// Passages shorter than this many words (headings, tags, captions) have their score
    /// scaled by words / minimumWords: a fragment rarely makes a point.
    package var minimumWords: Int
    /// Scores of footnotes are multiplied by this: notes mostly hold references, sources and
    /// asides rather than the point a brief would quote.
    package var footnoteFactor: Double

    package init(
        k1: Double = 1.2, b: Double = 0.3, coordinationBonus: Double = 0.25, coordinationLimit: Int = 5,
        minimumWords: Int = 10, footnoteFactor: Double = 0.6
    ) {
        self.k1 = k1
        self.b = b
        self.coordinationBonus = coordinationBonus
        self.coordinationLimit = coordinationLimit
        self.minimumWords = minimumWords
        self.footnoteFactor = footnoteFactor
    }
}
