import EnjeuxEvaluation
import EnjeuxEvidence
import EnjeuxModel

/// "Is my edit better?": two lexicons' rankings of the same corpus measured against the
/// same judgments (or gold quotes), issue by issue, with a verdict.
package struct LexiconComparison: Sendable, Hashable {
    /// Ranks whose entries and exits are listed.
    package static let top = 10
    /// Differences smaller than this are no change.
    package static let tolerance = 0.0005

    package var issues: [IssueComparison]
    package var old: EvaluationSummary
    package var new: EvaluationSummary

    /// Compares the rankings of `old` and `new` (the corpus scored with each lexicon) against `gold`.
    package static func compare(
        old: ScoreSet, new: ScoreSet, gold: [GoldLine], options: EvidenceOptions = EvidenceOptions()
    ) -> LexiconComparison {
        let oldSide = RankedScores(old, top: top, options: options)
        let newSide = RankedScores(new, top: top, options: options)
        let diff = LexiconDiff.compare(old: oldSide, new: newSide, top: top)
        let evaluator = Evaluator(gold: gold)
        let order = new.categories.map(\.id)
        let oldSummary = evaluator.evaluate(entries(oldSide), order: order)
        let newSummary = evaluator.evaluate(entries(newSide), order: order)
        let oldByIssue = Dictionary(oldSummary.issues.map { ($0.category, $0) }, uniquingKeysWith: { a, _ in a })
        let diffs = Dictionary(diff.issues.map { ($0.category.id, $0) }, uniquingKeysWith: { a, _ in a })
        let issues = newSummary.issues.compactMap { after -> IssueComparison? in
            guard let before = oldByIssue[after.category] else { return nil }
            let lines = evaluator.goldByCategory[after.category] ?? []
            func judged(_ change: PassageChange) -> JudgedChange? {
                let entry = RankedEntry(
                    category: after.category, rank: 0, source: change.source, page: change.page, text: change.text)
                let grades = lines.filter { HitRule.hits(entry, $0) }.map(\.grade)
                return grades.isEmpty ? nil : JudgedChange(change: change, grade: grades.max() ?? 0)
            }
            let issueDiff = diffs[after.category]
            return IssueComparison(
                category: after.category, old: before, new: after,
                entered: issueDiff?.entered.compactMap(judged) ?? [], left: issueDiff?.left.compactMap(judged) ?? [])
        }
        return LexiconComparison(issues: issues, old: oldSummary, new: newSummary)
    }

    /// The rows of each issue's list as the evaluation reads them.
    static func entries(_ side: RankedScores) -> [RankedEntry] {
        side.issues.flatMap { issue in
            issue.passages.map {
                RankedEntry(
                    category: issue.category.id, rank: $0.rank, source: $0.source, page: $0.passage.page,
                    endPage: $0.passage.endPage, text: $0.passage.text)
            }
        }
    }

    /// The verdict over every issue: from the mean metrics.
    package var verdict: Verdict {
        Verdict.of(
            deltas: [
                new.meanNDCGAt10 - old.meanNDCGAt10, new.meanPrecisionAt5 - old.meanPrecisionAt5,
                new.meanRecallAt20 - old.meanRecallAt20,
            ])
    }
}

/// A judged passage that entered or left an issue's first ranks, with its judged grade.
package struct JudgedChange: Sendable, Hashable {
    package var change: PassageChange
    /// The best grade of the judgments (or gold lines) it holds; 0 for a passage judged not relevant.
    package var grade: Int
}

/// One issue measured with both lexicons.
package struct IssueComparison: Sendable, Hashable {
    package var category: String
    package var old: IssueEvaluation
    package var new: IssueEvaluation
    /// Judged passages entering and leaving the first `LexiconComparison.top` ranks.
    package var entered: [JudgedChange]
    package var left: [JudgedChange]

    package var deltas: (ndcg: Double, precision: Double, recall: Double) {
        (new.ndcgAt10 - old.ndcgAt10, new.precisionAt5 - old.precisionAt5, new.recallAt20 - old.recallAt20)
    }

    package var verdict: Verdict {
        let d = deltas
        return Verdict.of(deltas: [d.ndcg, d.precision, d.recall])
    }
}

/// What an edit did to the measures.
package enum Verdict: String, Sendable, Hashable {
    /// Some measure rose, none fell.
    case better
    /// Some measure fell, none rose.
    case worse
    /// Some rose and some fell.
    case mixed
    /// Nothing moved by more than the tolerance.
    case unchanged

    static func of(deltas: [Double]) -> Verdict {
        let up = deltas.contains { $0 > LexiconComparison.tolerance }
        let down = deltas.contains { $0 < -LexiconComparison.tolerance }
        switch (up, down) {
        case (true, false): return .better
        case (false, true): return .worse
        case (true, true): return .mixed
        case (false, false): return .unchanged
        }
    }

    /// In French, for the reports.
    package var french: String {
        switch self {
        case .better: "meilleur"
        case .worse: "moins bon"
        case .mixed: "mitigé"
        case .unchanged: "inchangé"
        }
    }
}
