/// How the group's judgments change one issue's list (computed by `EnjeuxLearning`): the
/// order of the candidates, those a judgment leaves out, and what each learned row shows.
package struct RankingAdjustment: Sendable, Hashable {
    /// Passage id → the key that orders the candidates instead of their score
    /// (highest first; ties keep the usual order). Candidates without a key keep their score.
    package var keys: [String: Double]
    /// Candidates judged not relevant: left out of the list (« écartés par un jugement »).
    package var excluded: Set<String>
    /// Passage id → what the row shows about the learning.
    package var rows: [String: LearnedRow]
    package var summary: LearningSummary

    package init(
        keys: [String: Double], excluded: Set<String>, rows: [String: LearnedRow], summary: LearningSummary
    ) {
        self.keys = keys
        self.excluded = excluded
        self.rows = rows
        self.summary = summary
    }
}

/// Why a row is where it is in a learned list.
package struct LearnedRow: Sendable, Hashable {
    /// The grade of the judgment in force, when the passage was judged.
    package var judgedGrade: Int?
    /// The model's probability that the passage is relevant (nil before the issue has both a
    /// relevant and a non-relevant judgment).
    package var probability: Double?
    /// The blend of the lexicon score and the model's probability that orders unjudged rows.
    package var blended: Double
    /// The features that moved the model's score most, strongest first (`+ terme autonom*`).
    package var reasons: [String]

    package init(judgedGrade: Int?, probability: Double?, blended: Double, reasons: [String]) {
        self.judgedGrade = judgedGrade
        self.probability = probability
        self.blended = blended
        self.reasons = reasons
    }
}

/// What one issue learned from: shown in the report.
package struct LearningSummary: Sendable, Hashable, Codable {
    /// Judgments in force for the issue attached to one of its candidates.
    package var judgments: Int
    package var relevant: Int
    package var notRelevant: Int
    /// Whether a model was trained (at least one relevant and one non-relevant judgment).
    package var trained: Bool
    /// Candidates left out by a judgment.
    package var excluded: Int

    package init(judgments: Int, relevant: Int, notRelevant: Int, trained: Bool, excluded: Int) {
        self.judgments = judgments
        self.relevant = relevant
        self.notRelevant = notRelevant
        self.trained = trained
        self.excluded = excluded
    }
}
