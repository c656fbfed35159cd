import EnjeuxModel

/// How many passages of each document score above the threshold for each issue: the
/// summary grid of `index.html`, one row per document and one column per issue.
package struct HeatMap: Sendable, Hashable {
    /// One row: a document by its corpus path.
    package struct Row: Sendable, Hashable {
        package var documentId: String
        package var source: String
        /// Counts in the order of `issues`.
        package var counts: [Int]

        /// The document's passages above the threshold over all issues.
        package var total: Int { counts.reduce(0, +) }
    }

    package var issues: [CategoryInfo]
    /// Documents sorted by source path (then id); documents without passages have zero rows.
    package var rows: [Row]

    /// Counts every passage whose score for an issue is a finite number strictly above
    /// `threshold` (duplicates included, as in the `candidates` of `run.json`), in documents
    /// that are evidence when `evidence` is given (an off-topic manual's row stays empty).
    package init(scoreSet: ScoreSet, threshold: Double, evidence: DocumentEvidence? = nil) {
        issues = scoreSet.categories
        let column = Dictionary(
            scoreSet.categories.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first }
        )
        var sources: [String: String] = [:]
        for document in scoreSet.documents where sources[document.id] == nil { sources[document.id] = document.source }
        var counts: [String: [Int]] = [:]
        for id in sources.keys { counts[id] = Array(repeating: 0, count: issues.count) }
        for passage in scoreSet.passages {
            if sources[passage.documentId] == nil {
                sources[passage.documentId] = passage.documentId
                counts[passage.documentId] = Array(repeating: 0, count: issues.count)
            }
            guard evidence?.isEvidence(passage.documentId) ?? true else { continue }
            for score in passage.scores where score.score.isFinite && score.score > threshold {
                guard let index = column[score.category] else { continue }
                counts[passage.documentId]?[index] += 1
            }
        }
        rows = sources.map { id, source in
            Row(documentId: id, source: source, counts: counts[id] ?? [])
        }.sorted {
            ($0.source.unicodeScalars.lexicographicallyPrecedes($1.source.unicodeScalars))
                || ($0.source == $1.source && $0.documentId < $1.documentId)
        }
    }

    /// The rows in the order the report shows them: most passages first (over all issues),
    /// ties by source path then id; documents without any passage last.
    package var rowsByTotal: [Row] {
        rows.enumerated().map { (row: $0.element, total: $0.element.total, order: $0.offset) }
            .sorted { $0.total != $1.total ? $0.total > $1.total : $0.order < $1.order }.map(\.row)
    }

    /// The largest count in the grid (0 when empty).
    package var maximum: Int {
        rows.flatMap(\.counts).max() ?? 0
    }
}
