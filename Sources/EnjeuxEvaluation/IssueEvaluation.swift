/// The metrics of one issue's ranking.
package struct IssueEvaluation: Sendable, Hashable {
    package var category: String
    /// DCG of the first 10 ranks over the ideal DCG of the issue's gold grades.
    package var ndcgAt10: Double
    /// Passages with a gain among ranks 1–5, divided by 5.
    package var precisionAt5: Double
    /// Share of the issue's grade-2 gold lines hit within ranks 1–20.
    package var recallAt20: Double
    /// PDF gold lines hit within ranks 1–20 whose highest-ranked hitting passage was checked
    /// for its page, and how many of them had the right page.
    package var pagesChecked: Int
    package var pagesCorrect: Int
    /// The gain of each ranked passage, in rank order.
    package var gains: [Int]
    /// Grade-2 gold lines of the issue not hit within ranks 1–20, in gold-file order.
    package var missed: [GoldLine]
    /// Number of grade-2 and of all gold lines of the issue.
    package var gradeTwoCount: Int
    package var goldCount: Int

    /// `pagesCorrect / pagesChecked`, nil when no PDF gold line was found.
    package var pageAccuracy: Double? {
        pagesChecked == 0 ? nil : Double(pagesCorrect) / Double(pagesChecked)
    }
}

/// The metrics of every issue and their averages.
package struct EvaluationSummary: Sendable, Hashable {
    /// One entry per issue with gold lines.
    package var issues: [IssueEvaluation]

    /// Macro-average of nDCG@10 over the issues.
    package var meanNDCGAt10: Double { mean(\.ndcgAt10) }
    /// Macro-average of P@5 over the issues.
    package var meanPrecisionAt5: Double { mean(\.precisionAt5) }
    /// Macro-average of recall@20 over the issues.
    package var meanRecallAt20: Double { mean(\.recallAt20) }
    /// Number of (issue, PDF gold line) pairs found within the top 20 of their issue.
    package var pagesChecked: Int { issues.reduce(0) { $0 + $1.pagesChecked } }
    package var pagesCorrect: Int { issues.reduce(0) { $0 + $1.pagesCorrect } }
    /// Page accuracy pooled over every issue; nil when no pair was checked.
    package var pageAccuracy: Double? {
        pagesChecked == 0 ? nil : Double(pagesCorrect) / Double(pagesChecked)
    }

    private func mean(_ metric: KeyPath<IssueEvaluation, Double>) -> Double {
        issues.isEmpty ? 0 : issues.reduce(0) { $0 + $1[keyPath: metric] } / Double(issues.count)
    }
}
