import EnjeuxEvidence
import Foundation

/// `enjeux-lexicon stats` as a terminal table and as CSV.
package enum StatisticsReport {
    /// One block per issue: its totals, then its terms by score mass (unmatched terms last).
    package static func text(_ issues: [IssueStatistics]) -> String {
        var out = ""
        for issue in issues {
            out += "\(issue.category.id) — \(issue.category.label): \(issue.passages) passages, "
            out += "\(issue.documents) documents, score total \(format(issue.scoreMass))\n"
            let ordered = issue.terms.filter { $0.passages > 0 }.sorted(by: byMass)
            var table = TextTable(
                header: ["  term", "weight", "matches", "passages", "documents", "score", "share"],
                rightAligned: [false, true, true, true, true, true, true])
            for term in ordered {
                table.rows.append([
                    "  " + shortened(term.term), format(term.weight), "\(term.matches)", "\(term.passages)",
                    "\(term.documents)",
                    format(term.scoreMass), percent(term.share),
                ])
            }
            if !ordered.isEmpty { out += table.render() }
            let unmatched = issue.unmatched.map(\.term)
            if !unmatched.isEmpty {
                out += "  no match (\(unmatched.count)): \(unmatched.joined(separator: ", "))\n"
            }
            out += "\n"
        }
        return out
    }

    /// One row per issue and term, unmatched terms included (all zeros).
    package static func csv(_ issues: [IssueStatistics]) -> String {
        let header = [
            "issue", "label", "term", "weight", "matches", "passages", "documents", "score", "share",
            "issue_passages", "issue_documents", "issue_score",
        ]
        var rows: [[String]] = []
        for issue in issues {
            for term in issue.terms {
                rows.append([
                    issue.category.id, issue.category.label, term.term, format(term.weight), "\(term.matches)",
                    "\(term.passages)", "\(term.documents)", format(term.scoreMass), String(format: "%.4f", term.share),
                    "\(issue.passages)", "\(issue.documents)", format(issue.scoreMass),
                ])
            }
        }
        return CSVText.document(header: header, rows: rows)
    }

    /// Long patterns cut for the terminal (the CSV has them whole).
    static func shortened(_ term: String, limit: Int = 48) -> String {
        let scalars = Array(term.unicodeScalars)
        guard scalars.count > limit else { return term }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[..<(limit - 1)])
        return String(view) + "…"
    }

    static func byMass(_ a: TermStatistics, _ b: TermStatistics) -> Bool {
        if a.scoreMass != b.scoreMass { return a.scoreMass > b.scoreMass }
        return a.term.unicodeScalars.lexicographicallyPrecedes(b.term.unicodeScalars)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
}
