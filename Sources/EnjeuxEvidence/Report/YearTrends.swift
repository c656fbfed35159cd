import EnjeuxModel

/// Per year of publication: how many documents and passages the corpus has, and how many of
/// those passages are evidence for each issue (a score above the threshold, in a document
/// that is evidence, as the heat map counts them). The figures of « Évolution dans le temps ».
package struct YearTrends: Sendable, Hashable {
    package struct Year: Sendable, Hashable {
        package var year: Int
        package var documents: Int
        /// Every passage of the year's documents.
        package var passages: Int
        /// Passages that are evidence, in the order of `issues`.
        package var evidence: [Int]

        /// The share of the year's passages that are evidence for the issue at `index` (0 when
        /// the year has no passage).
        package func share(_ index: Int) -> Double {
            passages > 0 ? Double(evidence[index]) / Double(passages) : 0
        }
    }

    package var issues: [CategoryInfo]
    /// Years that have documents, oldest first.
    package var years: [Year]
    /// Documents whose metadata give no year.
    package var undatedDocuments: Int

    package init(scoreSet: ScoreSet, threshold: Double, evidence: DocumentEvidence?) {
        issues = scoreSet.categories
        let column = Dictionary(
            scoreSet.categories.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first }
        )
        var yearOf: [String: Int] = [:]
        var table: [Int: Year] = [:]
        var undated = 0
        for document in scoreSet.documents where yearOf[document.id] == nil {
            guard let text = document.metadata.date.flatMap(Citation.year(in:)), let year = Int(text) else {
                undated += 1
                continue
            }
            yearOf[document.id] = year
            var row =
                table[year]
                ?? Year(year: year, documents: 0, passages: 0, evidence: Array(repeating: 0, count: issues.count))
            row.documents += 1
            row.passages += document.passageCount
            table[year] = row
        }
        for passage in scoreSet.passages {
            guard let year = yearOf[passage.documentId], evidence?.isEvidence(passage.documentId) ?? true else {
                continue
            }
            for score in passage.scores where score.score.isFinite && score.score > threshold {
                guard let index = column[score.category] else { continue }
                table[year]?.evidence[index] += 1
            }
        }
        years = table.values.sorted { $0.year < $1.year }
        undatedDocuments = undated
    }

    /// The largest share over every issue and year (0 when none).
    package var maximumShare: Double {
        years.flatMap { year in issues.indices.map { year.share($0) } }.max() ?? 0
    }
}

/// How often two issues are raised together: by passages (both scores above the threshold)
/// and by documents (each issue has such a passage in the document), over the documents that
/// are evidence. The diagonal counts each issue alone. The figures of « Enjeux abordés ensemble ».
package struct IssueCoOccurrence: Sendable, Hashable {
    package var issues: [CategoryInfo]
    /// `passages[a][b]`: passages evidence for both `a` and `b`.
    package var passages: [[Int]]
    /// `documents[a][b]`: documents with passages evidence for `a` and for `b`.
    package var documents: [[Int]]

    package init(scoreSet: ScoreSet, threshold: Double, evidence: DocumentEvidence?) {
        issues = scoreSet.categories
        let count = issues.count
        let column = Dictionary(
            scoreSet.categories.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first }
        )
        var passages = Array(repeating: Array(repeating: 0, count: count), count: count)
        var perDocument: [String: Set<Int>] = [:]
        for passage in scoreSet.passages where evidence?.isEvidence(passage.documentId) ?? true {
            let raised = Set(
                passage.scores.filter { $0.score.isFinite && $0.score > threshold }.compactMap { column[$0.category] }
            ).sorted()
            for a in raised {
                for b in raised { passages[a][b] += 1 }
            }
            if !raised.isEmpty { perDocument[passage.documentId, default: []].formUnion(raised) }
        }
        var documents = Array(repeating: Array(repeating: 0, count: count), count: count)
        for raised in perDocument.values {
            for a in raised {
                for b in raised { documents[a][b] += 1 }
            }
        }
        self.passages = passages
        self.documents = documents
    }

    /// The pair of distinct issues raised together in the most passages (ties: lexicon order),
    /// nil when no passage raises two.
    package var strongestPair: (first: Int, second: Int, passages: Int)? {
        var best: (Int, Int, Int)?
        for a in issues.indices {
            for b in issues.indices where b > a && passages[a][b] > (best?.2 ?? 0) { best = (a, b, passages[a][b]) }
        }
        return best.map { (first: $0.0, second: $0.1, passages: $0.2) }
    }
}
