import EnjeuxEvaluation

/// The first ranks of each issue with the gain each passage earned, for tuning.
enum RankingListing {
    static func render(_ summary: EvaluationSummary, entries: [RankedEntry], top: Int) -> String {
        var text = ""
        for issue in summary.issues {
            text += "\n\(issue.category):\n"
            let ranking = entries.filter { $0.category == issue.category }.sorted { $0.rank < $1.rank }
            for (entry, gain) in zip(ranking, issue.gains).prefix(top) {
                let page = entry.page.map { " p. \($0)" } ?? ""
                let words = entry.text.split(separator: " ")
                let start = words.prefix(10).joined(separator: " ") + (words.count > 10 ? "…" : "")
                text += "  \(entry.rank). gain \(gain)  \(entry.source)\(page): \(start)\n"
            }
        }
        return text
    }
}
