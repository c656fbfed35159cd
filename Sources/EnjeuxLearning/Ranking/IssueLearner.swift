import EnjeuxEvidence
import Foundation

/// What an issue's judgments make of its candidates.
package struct LearnedIssue: Sendable {
    /// The adjustment the ranker applies (order keys, exclusions, row explanations).
    package var adjustment: RankingAdjustment
    /// The model, when one was trained, and the features it reads.
    package var model: LogisticModel?
    package var features: FeatureMatrix
    /// Per candidate, in pool order: the model's probability (nil without a model) and the blend.
    package var probabilities: [Double?]
    package var blended: [Double]
}

/// Learns one issue's ranking from its judgments: pure function of the candidates (in the
/// lexicon's order) and the grades of the judged ones.
///
/// Judged relevant passages come first (grade 2, then 1, each by the blend), judged
/// non-relevant ones are left out, the rest follow by the blend of the lexicon score and
/// the model's probability. Before the issue has a relevant and a non-relevant judgment
/// there is no model and the blend is the lexicon score alone.
package enum IssueLearner {
    /// `grades`: passage id → grade of the judgment in force. `features` may be given when
    /// already built for this pool; `start` warm-starts the solver.
    package static func learn(
        pool: [PoolPassage], grades: [String: Int], settings: LearningSettings = LearningSettings(),
        features: FeatureMatrix? = nil, start: LogisticModel? = nil
    ) -> LearnedIssue {
        let features = features ?? FeatureMatrix.build(pool)
        let best = max(pool.map(\.score).max() ?? 1, 1e-9)
        var judgedRows: [SparseVector] = []
        var labels: [Bool] = []
        for (position, item) in pool.enumerated() {
            guard let grade = grades[item.passageId] else { continue }
            judgedRows.append(features.rows[position])
            labels.append(grade > 0)
        }
        let relevant = labels.filter { $0 }.count
        let notRelevant = labels.count - relevant
        var model: LogisticModel?
        if relevant > 0 && notRelevant > 0 {
            model = LogisticRegression(c: settings.c).fit(
                rows: judgedRows, labels: labels, featureCount: features.names.count, start: start)
        }
        var keys: [String: Double] = [:]
        var excluded = Set<String>()
        var rows: [String: LearnedRow] = [:]
        var probabilities: [Double?] = []
        var blended: [Double] = []
        for (position, item) in pool.enumerated() {
            let lexicon = item.score / best
            let probability = model.map { $0.probability(features.rows[position]) }
            let blend =
                probability.map { settings.lexiconWeight * lexicon + (1 - settings.lexiconWeight) * $0 } ?? lexicon
            probabilities.append(probability)
            blended.append(blend)
            let grade = grades[item.passageId]
            switch grade {
            case 0?: excluded.insert(item.passageId)
            case let grade?: keys[item.passageId] = 2 + Double(grade) + blend
            case nil: keys[item.passageId] = blend
            }
            rows[item.passageId] = LearnedRow(
                judgedGrade: grade, probability: probability, blended: blend,
                reasons: model.map {
                    reasons(features.rows[position], model: $0, names: features.names, count: settings.reasons)
                }
                    ?? [])
        }
        let summary = LearningSummary(
            judgments: labels.count, relevant: relevant, notRelevant: notRelevant, trained: model != nil,
            excluded: excluded.count)
        return LearnedIssue(
            adjustment: RankingAdjustment(keys: keys, excluded: excluded, rows: rows, summary: summary), model: model,
            features: features, probabilities: probabilities, blended: blended)
    }

    /// The features whose weight × value moved the passage's model score most, strongest
    /// first: `+ terme autonom*` raised it, `− document blogue.html` lowered it.
    package static func reasons(_ row: SparseVector, model: LogisticModel, names: [String], count: Int) -> [String] {
        let effects = zip(row.indices, row.values).map { ($0, model.weights[$0] * $1) }.filter { abs($0.1) >= 1e-6 }
        let strongest = effects.sorted { abs($0.1) != abs($1.1) ? abs($0.1) > abs($1.1) : $0.0 < $1.0 }.prefix(count)
        return strongest.map { ($0.1 > 0 ? "+ " : "− ") + names[$0.0] }
    }

    /// What to judge next: the unjudged candidates with the highest blend, then up to
    /// `uncertain` of those the model is least sure about (probability nearest ½), as
    /// ASReview's "max" and "uncertainty" query strategies. Pool positions, in proposal order.
    package static func proposals(
        _ learned: LearnedIssue, pool: [PoolPassage], grades: [String: Int], count: Int, uncertain: Int
    )
        -> [(position: Int, uncertain: Bool)]
    {
        let open = pool.indices.filter { grades[pool[$0].passageId] == nil }
        let byBlend = open.sorted {
            learned.blended[$0] != learned.blended[$1] ? learned.blended[$0] > learned.blended[$1] : $0 < $1
        }
        let top = Array(byBlend.prefix(count))
        guard learned.model != nil, uncertain > 0 else { return top.map { ($0, false) } }
        let chosen = Set(top)
        let doubt = open.filter { !chosen.contains($0) }.sorted {
            let a = abs((learned.probabilities[$0] ?? 0.5) - 0.5)
            let b = abs((learned.probabilities[$1] ?? 0.5) - 0.5)
            return a != b ? a < b : $0 < $1
        }.prefix(uncertain)
        return top.map { ($0, false) } + doubt.map { ($0, true) }
    }
}
