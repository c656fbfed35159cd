import EnjeuxModel

/// Another place where a ranked passage's text (or nearly the same text) appears.
package struct DuplicateSource: Sendable, Hashable {
    package var source: String
    package var documentId: String
    /// Where the other passage is (its page, paragraph, or nothing for a web page).
    package var location: PageLocation
    package var passageId: String

    package var page: Int { location.page }

    package init(source: String, documentId: String, page: Int, isPaged: Bool = true, passageId: String) {
        self.init(
            source: source, documentId: documentId, location: PageLocation(page: page, isPaged: isPaged),
            passageId: passageId)
    }

    package init(source: String, documentId: String, location: PageLocation, passageId: String) {
        self.source = source
        self.documentId = documentId
        self.location = location
        self.passageId = passageId
    }

    /// `source, p. 3`, `source, paragr. 12` or `source`.
    package var place: String {
        location.citationText.map { "\(source), \($0)" } ?? source
    }
}

/// A passage at its rank for one issue.
package struct RankedPassage: Sendable, Hashable {
    /// 1-based rank within the issue.
    package var rank: Int
    /// The passage's score for the issue.
    package var score: Double
    /// The matches behind the score, ordered by position in the text.
    package var matches: [TermMatch]
    /// Source path of the passage's document (the document id when the document is unknown).
    package var source: String
    package var passage: ScoredPassage
    /// Near-duplicates of this passage, shown once here, in ranking order.
    package var alsoIn: [DuplicateSource]

    package init(
        rank: Int, score: Double, matches: [TermMatch], source: String, passage: ScoredPassage,
        alsoIn: [DuplicateSource]
    ) {
        self.rank = rank
        self.score = score
        self.matches = matches
        self.source = source
        self.passage = passage
        self.alsoIn = alsoIn
    }
}

/// The ranked passages of one issue.
package struct RankedIssue: Sendable, Hashable {
    package var category: CategoryInfo
    /// Passages above the threshold, before removing duplicates and cutting to the maximum.
    package var candidateCount: Int
    package var passages: [RankedPassage]

    package init(category: CategoryInfo, candidateCount: Int, passages: [RankedPassage]) {
        self.category = category
        self.candidateCount = candidateCount
        self.passages = passages
    }
}
