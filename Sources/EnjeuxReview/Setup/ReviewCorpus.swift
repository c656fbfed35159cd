import EnjeuxEvidence
import EnjeuxLearning
import EnjeuxLexicon
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxSupport
import Foundation

/// What the workbench reads once at start from the last run: the scored passages above the
/// threshold (with the corpus catalog applied, as `enjeux-rank` does), the ranking options,
/// each issue's candidates and their features, and the lexicon for searches.
package final class ReviewCorpus: Sendable {
    package let locations: ReviewLocations
    package let scoreSet: ScoreSet
    package let documents: [String: DocumentSummary]
    package let options: EvidenceOptions
    package let evidence: DocumentEvidence
    /// Issue id → candidates in the lexicon's order, and their features.
    package let pools: [String: [PoolPassage]]
    package let features: [String: FeatureMatrix]
    /// Passages of the score set by id.
    let passages: [String: ScoredPassage]
    /// The lexicon of the run, whose normalisation searches use (nil when its file is gone:
    /// searching then says so).
    let lexicon: Lexicon?
    /// Sources of the run's documents: the only corpus files the workbench serves.
    package let sources: Set<String>

    package init(locations: ReviewLocations) throws(ReviewError) {
        self.locations = locations
        let runFile = locations.evidence.appendingPathComponent("run.json")
        let report: RunReport
        do {
            report = try JSONCoding.read(RunReport.self, from: runFile)
        } catch {
            throw ReviewError(path: runFile.path, reason: "not a run report (\(error))")
        }
        let options = report.ranking ?? EvidenceOptions()
        let scoresFile = locations.work.appendingPathComponent("scores.json")
        let stored: ScoreSet
        do {
            let threshold = options.scoreThreshold
            (stored, _) = try ScoreSet.read(jsonFile: scoresFile) { passage in
                passage.scores.removeAll { !($0.score.isFinite && $0.score > threshold) }
                return !passage.scores.isEmpty
            }
        } catch {
            throw ReviewError(path: scoresFile.path, reason: "cannot read the scores of the run (\(error))")
        }
        let scoreSet = Catalog.load(corpus: locations.corpus).applied(to: stored).scoreSet
        self.scoreSet = scoreSet
        self.options = options
        documents = Dictionary(scoreSet.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ranker = Ranker(options: options)
        let evidence = ranker.documentEvidence(scoreSet)
        self.evidence = evidence
        let pools = CorpusLearning.pools(scoreSet, ranker: ranker, evidence: evidence)
        self.pools = pools
        let ids = Array(pools.keys)
        let built = ids.parallelMap { FeatureMatrix.build(pools[$0] ?? []) }
        features = Dictionary(uniqueKeysWithValues: zip(ids, built))
        passages = Dictionary(scoreSet.passages.map { ($0.passageId, $0) }, uniquingKeysWith: { first, _ in first })
        sources = Set(scoreSet.documents.map(\.source))
        lexicon = try? LexiconFile.load(URL(fileURLWithPath: report.lexicon.path)).0
    }

    package var categories: [CategoryInfo] { scoreSet.categories }

    func category(_ id: String) -> CategoryInfo? { scoreSet.categories.first { $0.id == id } }

    func source(of documentId: String) -> String { documents[documentId]?.source ?? documentId }
}
