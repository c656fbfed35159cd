/// What the simulation measured for one issue (or their mean).
package struct SimulatedIssue: Sendable, Hashable {
    package var category: String
    /// Candidates a person could read (the issue's pool).
    package var candidates: Int
    /// Number of judgments → nDCG@10 and P@5 of the list after them.
    package var ndcgAt10: [Int: Double]
    package var precisionAt5: [Int: Double]
    /// Grade-2 gold lines of the issue, and those some candidate holds (what reading can find).
    package var gradeTwoLines: Int
    package var reachableGradeTwoLines: Int
    /// After reading k passages in the proposed order (k = index + 1), the share of the
    /// reachable grade-2 lines found.
    package var recallCurve: [Double]
    /// Passages read when 95 % of the reachable grade-2 lines were found (nil when none is reachable).
    package var readAt95: Int?
    /// Work saved over random reading at 95 % recall: (N − read) / N − 0.05.
    package var wss95: Double?
}

/// The simulation of every issue of a gold file.
package struct SimulationResult: Sendable, Hashable {
    package static let checkpoints = [0, 5, 10, 20, 50]

    package var issues: [SimulatedIssue]

    /// Mean over the issues of nDCG@10 after `judgments`.
    package func meanNDCG(after judgments: Int) -> Double { mean { $0.ndcgAt10[judgments] } }
    package func meanPrecision(after judgments: Int) -> Double { mean { $0.precisionAt5[judgments] } }
    /// Mean WSS@95 over the issues that have one.
    package var meanWSS95: Double { mean(\.wss95) }

    /// Mean recall after reading `read` passages (an issue with fewer candidates counts its full recall).
    package func meanRecall(afterReading read: Int) -> Double {
        mean { issue in issue.recallCurve.isEmpty ? nil : issue.recallCurve[min(read, issue.recallCurve.count) - 1] }
    }

    private func mean(_ value: (SimulatedIssue) -> Double?) -> Double {
        let values = issues.compactMap(value)
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
