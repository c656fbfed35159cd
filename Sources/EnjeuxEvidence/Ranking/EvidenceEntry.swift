import EnjeuxModel

/// One ranked passage of one issue with everything the evidence files show about it.
/// `evidence.jsonl`, the Markdown files and the CSV files are all rendered from these.
package struct EvidenceEntry: Sendable, Hashable {
    package var category: String
    package var label: String
    package var rank: Int
    package var score: Double
    package var source: String
    package var documentId: String
    package var location: PageLocation
    package var passageId: String
    package var heading: String?
    package var text: String
    package var matches: [TermMatch]
    package var citation: Citation
    package var alsoIn: [DuplicateSource]
    /// Why the row is here when the issue's list learned from judgments (nil otherwise).
    package var learned: LearnedRow?
    /// The OCR confidence (0–100) of the page(s) the passage was read from by OCR; nil for text
    /// from a text layer or a file.
    package var ocrConfidence: Double?

    package init(
        category: String, label: String, rank: Int, score: Double, source: String, documentId: String,
        location: PageLocation, passageId: String, heading: String?, text: String, matches: [TermMatch],
        citation: Citation, alsoIn: [DuplicateSource], learned: LearnedRow? = nil,
        ocrConfidence: Double? = nil
    ) {
        self.category = category
        self.label = label
        self.rank = rank
        self.score = score
        self.source = source
        self.documentId = documentId
        self.location = location
        self.passageId = passageId
        self.heading = heading
        self.text = text
        self.matches = matches
        self.citation = citation
        self.alsoIn = alsoIn
        self.learned = learned
        self.ocrConfidence = ocrConfidence
    }
}

/// The evidence of one issue: its description and its entries in rank order.
package struct IssueEvidence: Sendable, Hashable {
    package var category: CategoryInfo
    package var candidateCount: Int
    package var entries: [EvidenceEntry]
    /// What the list learned from, when the issue has judgments.
    package var learning: LearningSummary?

    package init(
        category: CategoryInfo, candidateCount: Int, entries: [EvidenceEntry], learning: LearningSummary? = nil
    ) {
        self.category = category
        self.candidateCount = candidateCount
        self.entries = entries
        self.learning = learning
    }

    /// The per-issue count written to `run.json`.
    package var count: IssueCount {
        IssueCount(
            category: category.id, label: category.label, candidates: candidateCount, shown: entries.count,
            learning: learning)
    }
}

/// Builds the evidence of every issue: ranks, then cites.
package enum EvidenceBuilder {
    /// The issues in lexicon order, each with its ranked and cited passages.
    package static func build(
        _ scoreSet: ScoreSet, options: EvidenceOptions = EvidenceOptions(),
        releaseMemory: @escaping @Sendable () -> Void = {}, evidence: DocumentEvidence? = nil,
        adjustments: [String: RankingAdjustment] = [:]
    ) -> [IssueEvidence] {
        let documents = Dictionary(scoreSet.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var ranker = Ranker(options: options, releaseMemory: releaseMemory)
        ranker.adjustments = adjustments
        return ranker.rank(scoreSet, evidence: evidence).map { issue in
            IssueEvidence(
                category: issue.category, candidateCount: issue.candidateCount,
                entries: issue.passages.map { entry(for: $0, category: issue.category, documents: documents) },
                learning: issue.learning)
        }
    }

    static func entry(for ranked: RankedPassage, category: CategoryInfo, documents: [String: DocumentSummary])
        -> EvidenceEntry
    {
        let passage = ranked.passage
        let document = documents[passage.documentId]
        let location = PageLocation(passage: passage, format: document?.format)
        return EvidenceEntry(
            category: category.id, label: category.label, rank: ranked.rank, score: ranked.score,
            source: ranked.source, documentId: passage.documentId, location: location,
            passageId: passage.passageId, heading: passage.heading, text: passage.text, matches: ranked.matches,
            citation: Citation.make(document: document, source: ranked.source, location: location),
            alsoIn: ranked.alsoIn, learned: ranked.learned,
            ocrConfidence: OCRPageConfidence.confidence(
                page: passage.page, endPage: passage.endPage, in: document?.ocrPages))
    }
}
