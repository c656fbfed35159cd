import EnjeuxModel

/// One candidate of an issue, with what its features are computed from.
package struct PoolPassage: Sendable, Hashable {
    package var passage: ScoredPassage
    /// The document's path relative to the corpus folder.
    package var source: String
    /// The passage's score for the issue and the matches behind it.
    package var score: Double
    package var matches: [TermMatch]
    /// How many other issues the passage is a candidate for.
    package var otherIssues: Int
    /// Passages of the passage's document (all of them, scored or not).
    package var documentPassages: Int

    package init(
        passage: ScoredPassage, source: String, score: Double, matches: [TermMatch], otherIssues: Int,
        documentPassages: Int
    ) {
        self.passage = passage
        self.source = source
        self.score = score
        self.matches = matches
        self.otherIssues = otherIssues
        self.documentPassages = documentPassages
    }

    package var passageId: String { passage.passageId }
}
