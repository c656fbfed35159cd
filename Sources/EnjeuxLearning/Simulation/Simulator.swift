import EnjeuxEvaluation
import EnjeuxEvidence
import EnjeuxModel
import EnjeuxSupport

/// Replays a gold file as if a person judged the passages the loop proposes: start from the
/// lexicon's ranking, judge the first unjudged passage of the current list (its grade is the
/// best grade among the issue's gold lines it hits, 0 when none), retrain, repeat until every
/// candidate is read. Measures the list after 0, 5, 10, 20 and 50 judgments, and how fast the
/// reading finds the grade-2 quotes.
package struct Simulator: Sendable {
    package var ranker: Ranker
    package var settings: LearningSettings

    package init(ranker: Ranker, settings: LearningSettings = LearningSettings()) {
        self.ranker = ranker
        self.settings = settings
    }

    /// Every issue of `gold` (in the score set's order, then gold order), on all cores.
    package func simulate(_ scoreSet: ScoreSet, gold: [GoldLine]) -> SimulationResult {
        let evaluator = Evaluator(gold: gold)
        let evidence = ranker.documentEvidence(scoreSet)
        let pools = CorpusLearning.pools(scoreSet, ranker: ranker, evidence: evidence)
        let known = scoreSet.categories.map(\.id)
        let order =
            known.filter { evaluator.goldByCategory[$0] != nil } + evaluator.categories.filter { !known.contains($0) }
        let documents = Dictionary(scoreSet.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let simulator = self
        let issues = order.map { category in
            (
                category,
                scoreSet.categories.first { $0.id == category }
                    ?? CategoryInfo(id: category, label: category, description: "")
            )
        }.parallelMap { category, info in
            simulator.simulate(
                category: info, pool: pools[category] ?? [], evaluator: evaluator, passages: scoreSet.passages,
                documents: documents, evidence: evidence)
        }
        return SimulationResult(issues: issues)
    }

    func simulate(
        category: CategoryInfo, pool: [PoolPassage], evaluator: Evaluator, passages: [ScoredPassage],
        documents: [String: DocumentSummary], evidence: DocumentEvidence
    ) -> SimulatedIssue {
        let gold = evaluator.goldByCategory[category.id] ?? []
        let hits = pool.map { item in
            gold.indices.filter {
                HitRule.hits(entry(item.passage, source: item.source, category: category.id), gold[$0])
            }
        }
        let truth = hits.map { lines in lines.map { gold[$0].grade }.max() ?? 0 }
        let gradeTwo = Set(gold.indices.filter { gold[$0].grade == 2 })
        let reachable = gradeTwo.intersection(hits.flatMap { $0 })
        let features = FeatureMatrix.build(pool)

        var grades: [String: Int] = [:]
        var readOrder: [Int] = []
        var ndcg: [Int: Double] = [:]
        var precision: [Int: Double] = [:]
        var model: LogisticModel?
        let checkpoints = SimulationResult.checkpoints
        let last = checkpoints.max() ?? 0
        var found = Set<Int>()
        func record(_ checkpoint: Int, _ adjustment: RankingAdjustment?) {
            let scores = evaluate(
                category: category, adjustment: adjustment, evaluator: evaluator, passages: passages,
                documents: documents, evidence: evidence)
            ndcg[checkpoint] = scores.ndcgAt10
            precision[checkpoint] = scores.precisionAt5
        }
        while true {
            let learned = IssueLearner.learn(
                pool: pool, grades: grades, settings: settings, features: features, start: model)
            model = learned.model ?? model
            let judged = grades.count
            if checkpoints.contains(judged) { record(judged, judged == 0 ? nil : learned.adjustment) }
            let open = IssueLearner.proposals(learned, pool: pool, grades: grades, count: pool.count, uncertain: 0)
            if open.isEmpty {
                // Every candidate is judged: later checkpoints see the same list.
                for checkpoint in checkpoints where ndcg[checkpoint] == nil {
                    record(checkpoint, judged == 0 ? nil : learned.adjustment)
                }
                break
            }
            if judged >= last && found.count * 20 >= reachable.count * 19 {
                // The checkpoints are measured and 95 % of the quotes found: the rest of the
                // reading follows the last list, without retraining at each step.
                readOrder += open.map(\.position)
                break
            }
            let next = open[0].position
            grades[pool[next].passageId] = truth[next]
            readOrder.append(next)
            found.formUnion(hits[next].filter { reachable.contains($0) })
        }

        found = []
        var curve: [Double] = []
        var readAt95: Int?
        for (count, position) in readOrder.enumerated() {
            found.formUnion(hits[position].filter { reachable.contains($0) })
            let recall = reachable.isEmpty ? 0 : Double(found.count) / Double(reachable.count)
            curve.append(recall)
            if readAt95 == nil && !reachable.isEmpty && recall >= 0.95 { readAt95 = count + 1 }
        }
        let wss = readAt95.map { Double(pool.count - $0) / Double(pool.count) - 0.05 }
        return SimulatedIssue(
            category: category.id, candidates: pool.count, ndcgAt10: ndcg, precisionAt5: precision,
            gradeTwoLines: gradeTwo.count, reachableGradeTwoLines: reachable.count, recallCurve: curve,
            readAt95: readAt95, wss95: wss)
    }

    /// The issue's list with `adjustment`, scored against the gold.
    func evaluate(
        category: CategoryInfo, adjustment: RankingAdjustment?, evaluator: Evaluator, passages: [ScoredPassage],
        documents: [String: DocumentSummary], evidence: DocumentEvidence
    ) -> IssueEvaluation {
        var ranker = ranker
        ranker.adjustments = adjustment.map { [category.id: $0] } ?? [:]
        let ranked = ranker.rank(category: category, passages: passages, documents: documents, evidence: evidence)
        let entries = ranked.passages.map { row in
            entry(row.passage, source: row.source, category: category.id, rank: row.rank)
        }
        return evaluator.evaluate(category: category.id, ranking: entries)
    }

    func entry(_ passage: ScoredPassage, source: String, category: String, rank: Int = 0) -> RankedEntry {
        RankedEntry(
            category: category, rank: rank, source: source, page: passage.page, endPage: passage.endPage,
            text: passage.text)
    }
}
