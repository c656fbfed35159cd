import EnjeuxEvidence
import EnjeuxJudgments
import EnjeuxModel
import EnjeuxSupport

/// The judgments in force, attached to the passages of a score set.
package struct AttachedJudgments: Sendable, Hashable {
    /// Issue id → passage id → grade.
    package var grades: [String: [String: Int]]
    /// Judgments whose passage was found, by the way it was found.
    package var attached: [(judgment: Judgment, attachment: JudgmentAttachment)]
    /// Judgments whose passage no longer exists here (reported, never dropped silently).
    package var missing: [Judgment]

    package static func == (a: AttachedJudgments, b: AttachedJudgments) -> Bool {
        a.grades == b.grades && a.missing == b.missing && a.attached.map(\.judgment) == b.attached.map(\.judgment)
            && a.attached.map(\.attachment) == b.attached.map(\.attachment)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(grades)
        hasher.combine(missing)
    }
}

/// A corpus's judgments turned into per-issue ranking adjustments.
package struct CorpusLearningOutcome: Sendable {
    package var adjustments: [String: RankingAdjustment]
    package var judgments: AttachedJudgments
}

/// Glue between a score set, the ranker's candidates and the judgments file.
package enum CorpusLearning {
    /// Attaches the judgments in force to the passages of `scoreSet` (by source and text).
    package static func attach(_ log: JudgmentLog, to scoreSet: ScoreSet) -> AttachedJudgments {
        let sources = Dictionary(scoreSet.documents.map { ($0.id, $0.source) }, uniquingKeysWith: { first, _ in first })
        let matcher = JudgmentMatcher(
            passages: scoreSet.passages.lazy.map {
                JudgeablePassage(
                    passageId: $0.passageId, source: sources[$0.documentId] ?? $0.documentId, text: $0.fullText)
            }, sources: Set(log.current.map(\.source)))
        var result = AttachedJudgments(grades: [:], attached: [], missing: [])
        for judgment in log.current {
            let attachment = matcher.attach(judgment)
            if let id = attachment.passageId {
                result.grades[judgment.category, default: [:]][id] = judgment.grade
                result.attached.append((judgment, attachment))
            } else {
                result.missing.append(judgment)
            }
        }
        return result
    }

    /// The candidates of each issue as the learning sees them, in the lexicon's order.
    package static func pools(
        _ scoreSet: ScoreSet, ranker: Ranker, evidence: DocumentEvidence? = nil
    ) -> [String: [PoolPassage]] {
        let evidence = evidence ?? ranker.documentEvidence(scoreSet)
        let counts = Dictionary(
            scoreSet.documents.map { ($0.id, $0.passageCount) }, uniquingKeysWith: { first, _ in first })
        let threshold = ranker.options.scoreThreshold
        var pools: [String: [PoolPassage]] = [:]
        for category in scoreSet.categories {
            pools[category.id] = ranker.candidates(for: category.id, in: scoreSet, evidence: evidence).compactMap {
                passage, source in
                guard let score = passage.scores.first(where: { $0.category == category.id }) else { return nil }
                let others = passage.scores.filter { $0.category != category.id && $0.score > threshold }.count
                return PoolPassage(
                    passage: passage, source: source, score: score.score, matches: score.matches, otherIssues: others,
                    documentPassages: counts[passage.documentId] ?? 1)
            }
        }
        return pools
    }

    /// The adjustment of every issue with at least one judgment attached to one of its candidates.
    package static func adjustments(
        _ scoreSet: ScoreSet, log: JudgmentLog, ranker: Ranker, evidence: DocumentEvidence? = nil,
        settings: LearningSettings = LearningSettings()
    ) -> CorpusLearningOutcome {
        let attached = attach(log, to: scoreSet)
        let pools = pools(scoreSet, ranker: ranker, evidence: evidence)
        let learning = scoreSet.categories.compactMap { category -> (String, [PoolPassage], [String: Int])? in
            guard let grades = attached.grades[category.id], let pool = pools[category.id],
                pool.contains(where: { grades[$0.passageId] != nil })
            else { return nil }
            return (category.id, pool, grades)
        }
        // The words of a passage that is a candidate for several issues are counted once, on
        // every core; then the issues learn side by side.
        var candidates: [String: String] = [:]
        for (_, pool, _) in learning { for item in pool { candidates[item.passageId] = item.passage.fullText } }
        let texts = candidates
        let ids = texts.keys.sorted()
        let sliceSize = 512
        let slices = stride(from: 0, to: ids.count, by: sliceSize).map { ids[$0..<min($0 + sliceSize, ids.count)] }
        let counted = slices.parallelMap { slice in
            var stems: [String: String] = [:]
            return slice.map { TextTerms.summary(texts[$0] ?? "", stems: &stems) }
        }.flatMap { $0 }
        let counts = Dictionary(uniqueKeysWithValues: zip(ids, counted))
        let learned = learning.parallelMap { category, pool, grades in
            let features = FeatureMatrix.build(pool, texts: pool.map { counts[$0.passageId] ?? TextTerms.Summary() })
            return (
                category,
                IssueLearner.learn(pool: pool, grades: grades, settings: settings, features: features).adjustment
            )
        }
        return CorpusLearningOutcome(
            adjustments: Dictionary(learned, uniquingKeysWith: { first, _ in first }), judgments: attached)
    }
}
