import EnjeuxEvaluation

/// The judgments in force: for each passage and issue, the latest line of the file wins
/// (a person who changes their mind appends a new judgment; the file keeps the history).
package struct JudgmentLog: Sendable, Hashable {
    /// The judgments in force, in the order of their latest line.
    package private(set) var current: [Judgment]

    /// `judgments` in file order.
    package init(_ judgments: [Judgment]) {
        var latest: [Key: Int] = [:]
        for (position, judgment) in judgments.enumerated() { latest[Key(judgment)] = position }
        // A withdrawal in force leaves the passage unjudged.
        current = latest.values.sorted().map { judgments[$0] }.filter { !$0.withdrawn }
    }

    /// The judgments in force for one issue.
    package func judgments(for category: String) -> [Judgment] {
        current.filter { $0.category == category }
    }

    /// The issues with judgments, in order of first appearance.
    package var categories: [String] {
        var seen = Set<String>()
        return current.map(\.category).filter { seen.insert($0).inserted }
    }

    /// One passage for one issue: the source and the normalised text (ids change with
    /// re-extraction; the text does not, unless the document changed there).
    private struct Key: Hashable {
        var category: String
        var source: String
        var text: String

        init(_ judgment: Judgment) {
            category = judgment.category
            source = judgment.source
            text = QuoteNormalizer.normalize(judgment.quote)
        }
    }
}
