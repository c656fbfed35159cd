/// One lexicon term found in a passage.
package struct TermMatch: Sendable, Hashable {
    /// The lexicon entry as the researcher wrote it (`autonom*`, `charge NEAR/5 travail`).
    package var term: String
    /// The matched text, exactly as in the passage.
    package var text: String
    /// Unicode-scalar offsets of the match in the passage text.
    package var start: Int
    package var end: Int
    /// This occurrence's share of the passage's score; the contributions add up to the score.
    package var contribution: Double

    package init(term: String, text: String, start: Int, end: Int, contribution: Double) {
        self.term = term
        self.text = text
        self.start = start
        self.end = end
        self.contribution = contribution
    }
}

/// A passage's score for one issue.
package struct CategoryScore: Sendable, Hashable {
    package var category: String
    package var score: Double
    package var matches: [TermMatch]

    package init(category: String, score: Double, matches: [TermMatch]) {
        self.category = category
        self.score = score
        self.matches = matches
    }
}

/// A passage with its scores, and what the ranking needs to show and cite it.
package struct ScoredPassage: Sendable, Hashable {
    package var documentId: String
    package var passageId: String
    package var index: Int
    package var page: Int
    package var endPage: Int?
    package var pageLabel: String?
    package var endPageLabel: String?
    package var heading: String?
    package var text: String
    package var scores: [CategoryScore]

    package init(
        documentId: String, passage: Passage, scores: [CategoryScore]
    ) {
        self.documentId = documentId
        self.passageId = passage.id
        self.index = passage.index
        self.page = passage.page
        self.endPage = passage.endPage
        self.pageLabel = passage.pageLabel
        self.endPageLabel = passage.endPageLabel
        self.heading = passage.heading
        self.text = passage.text
        self.scores = scores
    }
}

/// An issue (category) of the lexicon, as shown to readers.
package struct CategoryInfo: Sendable, Hashable {
    package var id: String
    package var label: String
    package var description: String

    package init(id: String, label: String, description: String) {
        self.id = id
        self.label = label
        self.description = description
    }
}

/// Which lexicon produced a set of scores. `Codable` because `run.json` (a plain `Codable`
/// file) records it too.
package struct LexiconInfo: Codable, Sendable, Hashable {
    package var path: String
    package var sha256: String
    package var name: String
    package var version: String

    package init(path: String, sha256: String, name: String, version: String) {
        self.path = path
        self.sha256 = sha256
        self.name = name
        self.version = version
    }
}

/// A document as the later stages see it: identity, metadata and counts.
package struct DocumentSummary: Sendable, Hashable {
    package var id: String
    package var source: String
    package var sha256: String
    package var format: DocumentFormat
    package var metadata: DocumentMetadata
    package var pageCount: Int
    package var passageCount: Int
    package var warnings: [String]

    package init(
        id: String, source: String, sha256: String, format: DocumentFormat,
        metadata: DocumentMetadata, pageCount: Int, passageCount: Int, warnings: [String]
    ) {
        self.id = id
        self.source = source
        self.sha256 = sha256
        self.format = format
        self.metadata = metadata
        self.pageCount = pageCount
        self.passageCount = passageCount
        self.warnings = warnings
    }
}

/// The output of `enjeux-score` (`scores.json`): every passage that scored above zero
/// for at least one issue.
package struct ScoreSet: Sendable, Hashable {
    package static let currentSchema = 1

    package var schema: Int
    package var lexicon: LexiconInfo
    package var categories: [CategoryInfo]
    package var documents: [DocumentSummary]
    package var passages: [ScoredPassage]

    package init(
        lexicon: LexiconInfo, categories: [CategoryInfo], documents: [DocumentSummary],
        passages: [ScoredPassage]
    ) {
        self.schema = Self.currentSchema
        self.lexicon = lexicon
        self.categories = categories
        self.documents = documents
        self.passages = passages
    }
}
