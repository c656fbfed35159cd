import EnjeuxCore

/// Another place where a ranked passage's text (or nearly the same text) appears.
public struct DuplicateSource: Sendable, Hashable {
    public var source: String
    public var documentId: String
    public var page: Int
    /// False for web pages, which have no page to show.
    public var isPaged: Bool
    public var passageId: String

    public init(source: String, documentId: String, page: Int, isPaged: Bool = true, passageId: String) {
        self.source = source
        self.documentId = documentId
        self.page = page
        self.isPaged = isPaged
        self.passageId = passageId
    }
}

/// A passage at its rank for one issue.
public struct RankedPassage: Sendable, Hashable {
    /// 1-based rank within the issue.
    public var rank: Int
    /// The passage's score for the issue.
    public var score: Double
    /// The matches behind the score, ordered by position in the text.
    public var matches: [TermMatch]
    /// Source path of the passage's document (the document id when the document is unknown).
    public var source: String
    public var passage: ScoredPassage
    /// Near-duplicates of this passage, shown once here, in ranking order.
    public var alsoIn: [DuplicateSource]

    public init(
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
public struct RankedIssue: Sendable, Hashable {
    public var category: CategoryInfo
    /// Passages above the threshold, before removing duplicates and cutting to the maximum.
    public var candidateCount: Int
    public var passages: [RankedPassage]

    public init(category: CategoryInfo, candidateCount: Int, passages: [RankedPassage]) {
        self.category = category
        self.candidateCount = candidateCount
        self.passages = passages
    }
}
