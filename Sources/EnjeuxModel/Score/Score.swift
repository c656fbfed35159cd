/// One lexicon term found in a passage.
public struct TermMatch: Sendable, Hashable {
    /// The lexicon entry as the researcher wrote it (`autonom*`, `charge NEAR/5 travail`).
    public var term: String
    /// The matched text, exactly as in the passage.
    public var text: String
    /// Unicode-scalar offsets of the match in the passage text.
    public var start: Int
    public var end: Int
    /// This occurrence's share of the passage's score; the contributions add up to the score.
    public var contribution: Double

    public init(term: String, text: String, start: Int, end: Int, contribution: Double) {
        self.term = term
        self.text = text
        self.start = start
        self.end = end
        self.contribution = contribution
    }
}

/// A passage's score for one issue.
public struct CategoryScore: Sendable, Hashable {
    public var category: String
    public var score: Double
    public var matches: [TermMatch]

    public init(category: String, score: Double, matches: [TermMatch]) {
        self.category = category
        self.score = score
        self.matches = matches
    }
}

/// A passage with its scores, and what the ranking needs to show and cite it.
public struct ScoredPassage: Sendable, Hashable {
    public var documentId: String
    public var passageId: String
    public var index: Int
    public var page: Int
    public var endPage: Int?
    public var pageLabel: String?
    public var endPageLabel: String?
    public var heading: String?
    /// Paragraph number (`paragr. 12`) in a document cited by paragraph.
    public var paragraph: Int?
    /// Empty while the text is in a spool (`spooled`, `fullText`).
    public var text: String
    /// Their matches are empty while they are in a spool (`spooled`, `restored`).
    public var scores: [CategoryScore]
    /// Where the text and matches are when the rank stage moved them out of memory
    /// (`PassageSpool`); nil when they are here.
    public var spooled: SpooledContent?

    public init(
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
        self.paragraph = passage.paragraph
        self.text = passage.text
        self.scores = scores
    }
}

/// An issue (category) of the lexicon, as shown to readers.
public struct CategoryInfo: Sendable, Hashable {
    public var id: String
    public var label: String
    public var description: String

    public init(id: String, label: String, description: String) {
        self.id = id
        self.label = label
        self.description = description
    }
}

/// Which lexicon produced a set of scores. `Codable` because `run.json` (a plain `Codable`
/// file) records it too.
public struct LexiconInfo: Codable, Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var name: String
    public var version: String

    public init(path: String, sha256: String, name: String, version: String) {
        self.path = path
        self.sha256 = sha256
        self.name = name
        self.version = version
    }
}

/// A document as the later stages see it: identity, metadata and counts.
public struct DocumentSummary: Sendable, Hashable {
    public var id: String
    public var source: String
    public var sha256: String
    public var format: DocumentFormat
    public var metadata: DocumentMetadata
    public var pageCount: Int
    public var passageCount: Int
    public var warnings: [DocumentWarning]
    /// The pages read by OCR, with their confidence; nil when there is none.
    public var ocrPages: [OCRPageConfidence]?

    public init(
        id: String, source: String, sha256: String, format: DocumentFormat,
        metadata: DocumentMetadata, pageCount: Int, passageCount: Int, warnings: [DocumentWarning],
        ocrPages: [OCRPageConfidence]? = nil
    ) {
        self.id = id
        self.source = source
        self.sha256 = sha256
        self.format = format
        self.metadata = metadata
        self.pageCount = pageCount
        self.passageCount = passageCount
        self.warnings = warnings
        self.ocrPages = ocrPages
    }
}

/// The output of `enjeux-score` (`scores.json`): every passage that scored above zero
/// for at least one issue.
public struct ScoreSet: Sendable, Hashable {
    public static let currentSchema = 1

    public var schema: Int
    public var lexicon: LexiconInfo
    public var categories: [CategoryInfo]
    public var documents: [DocumentSummary]
    public var passages: [ScoredPassage]

    public init(
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
