import EnjeuxEvaluation
import Foundation

/// The per-issue table of an evaluation, as plain text.
enum EvaluationTable {
    static func render(_ summary: EvaluationSummary) -> String {
        let width = max(12, (summary.issues.map(\.category.count).max() ?? 0) + 2)
        var text = pad("issue", width) + " nDCG@10    P@5  recall@20  pages (PDF)\n"
        for issue in summary.issues {
            let pages =
                issue.pageAccuracy.map {
                    "\(fixed($0, 3)) (\(issue.pagesCorrect)/\(issue.pagesChecked))"
                } ?? "—"
            text +=
                pad(issue.category, width) + " " + fixed(issue.ndcgAt10, 3) + "  " + fixed(issue.precisionAt5, 3)
                + "      " + fixed(issue.recallAt20, 3) + "  " + pages + "\n"
        }
        let pooled =
            summary.pageAccuracy.map { "\(fixed($0, 3)) (\(summary.pagesCorrect)/\(summary.pagesChecked), pooled)" }
            ?? "—"
        text +=
            pad("mean", width) + " " + fixed(summary.meanNDCGAt10, 3) + "  " + fixed(summary.meanPrecisionAt5, 3)
            + "      " + fixed(summary.meanRecallAt20, 3) + "  " + pooled + "\n"
        return text
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
