import EnjeuxEvaluation
import EnjeuxEvidence
import Foundation

/// `enjeux-lexicon compare` in French: a table of the measures with both lexicons, the
/// judged passages entering or leaving each issue's first ranks with the terms responsible,
/// and a verdict per issue; as text for the terminal and as a self-contained HTML page.
/// Deterministic: the same inputs give the same bytes.
package enum ComparisonReport {
    package static func text(_ comparison: LexiconComparison, oldName: String, newName: String, goldName: String)
        -> String
    {
        var out = "Comparaison de \(oldName) (ancien) et \(newName) (nouveau), mesurée sur \(goldName)\n\n"
        out += table(comparison).render()
        for issue in comparison.issues where !issue.entered.isEmpty || !issue.left.isEmpty {
            out +=
                "\n== \(issue.category) : passages jugés qui entrent ou sortent des \(LexiconComparison.top) premiers\n"
            for item in issue.entered { out += line("+", item, kind: .entered) }
            for item in issue.left { out += line("-", item, kind: .left) }
        }
        out += "\nVerdicts\n"
        for issue in comparison.issues { out += "  \(issue.category) : \(verdictText(issue))\n" }
        out += "  ensemble : \(comparison.verdict.french)\n"
        return out
    }

    /// The measures, old, new and difference, regressions marked with ▼.
    static func table(_ comparison: LexiconComparison) -> TextTable {
        var table = TextTable(
            header: [
                "enjeu", "nDCG@10 ancien", "nouveau", "écart", "P@5 ancien", "nouveau", "écart", "rappel@20 ancien",
                "nouveau", "écart",
            ], rightAligned: [false] + Array(repeating: true, count: 9))
        for issue in comparison.issues {
            table.rows.append(
                [issue.category] + triple(issue.old.ndcgAt10, issue.new.ndcgAt10)
                    + triple(issue.old.precisionAt5, issue.new.precisionAt5)
                    + triple(issue.old.recallAt20, issue.new.recallAt20))
        }
        let (old, new) = (comparison.old, comparison.new)
        table.rows.append(
            ["moyenne"] + triple(old.meanNDCGAt10, new.meanNDCGAt10)
                + triple(old.meanPrecisionAt5, new.meanPrecisionAt5)
                + triple(old.meanRecallAt20, new.meanRecallAt20))
        return table
    }

    static func triple(_ old: Double, _ new: Double) -> [String] {
        [format(old), format(new), delta(new - old)]
    }

    /// `+0.121`, `−0.050 ▼` (a regression), `=` (within the tolerance).
    static func delta(_ value: Double) -> String {
        if abs(value) <= LexiconComparison.tolerance { return "=" }
        return value > 0 ? "+" + format(value) : "−" + format(-value) + " ▼"
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    /// `mitigé (nDCG@10 +0.121 ; rappel@20 −0.050 en baisse)`.
    static func verdictText(_ issue: IssueComparison) -> String {
        let d = issue.deltas
        let moves = [("nDCG@10", d.ndcg), ("P@5", d.precision), ("rappel@20", d.recall)].filter {
            abs($0.1) > LexiconComparison.tolerance
        }.map { name, value in
            value > 0 ? "\(name) +\(format(value))" : "\(name) −\(format(-value)) en baisse"
        }
        return issue.verdict.french + (moves.isEmpty ? "" : " (" + moves.joined(separator: " ; ") + ")")
    }

    private static func line(_ mark: String, _ item: JudgedChange, kind: DiffReport.Kind) -> String {
        let change = item.change
        return "  \(mark) \(DiffReport.movement(change, kind: kind)), jugé \(item.grade)\n"
            + "    \(change.source), p. \(change.page) : « \(DiffReport.excerpt(change.text)) »\n"
            + "    termes : \(DiffReport.termsText(change))\n"
    }

    /// A self-contained page (no script, no external resource).
    package static func html(_ comparison: LexiconComparison, oldName: String, newName: String, goldName: String)
        -> String
    {
        let e = HTMLText.escape
        var out = """
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Comparaison de lexiques : \(e(oldName)) → \(e(newName))</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em;max-width:75em;color:#222}
            table{border-collapse:collapse;width:100%;margin-bottom:2em}
            th,td{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}
            .num{text-align:right;white-space:nowrap}.down{color:#a00;font-weight:bold}.up{color:#070}
            .entered{background:#eef8ee}.left{background:#fbeeee}.terms{font-size:.9em;color:#444}
            </style></head><body>
            <h1>Comparaison de lexiques</h1>
            <p>Ancien : <code>\(e(oldName))</code> — nouveau : <code>\(e(newName))</code> — mesuré sur <code>\(e(goldName))</code>.</p>
            <h2>Mesures</h2>

            """
        let rendered = table(comparison)
        out += "<table><thead><tr>" + rendered.header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rendered.rows {
            out +=
                "<tr>"
                + row.enumerated().map { column, cell in
                    let cssClass =
                        column == 0
                        ? ""
                        : cell.hasSuffix("▼")
                            ? " class=\"num down\"" : cell.hasPrefix("+") ? " class=\"num up\"" : " class=\"num\""
                    return "<td\(cssClass)>\(e(cell))</td>"
                }.joined() + "</tr>\n"
        }
        out += "</tbody></table>\n<h2>Verdicts</h2>\n<ul>\n"
        for issue in comparison.issues {
            out += "<li><strong>\(e(issue.category))</strong> : \(e(verdictText(issue)))</li>\n"
        }
        out += "<li><strong>ensemble</strong> : \(e(comparison.verdict.french))</li>\n</ul>\n"
        for issue in comparison.issues where !issue.entered.isEmpty || !issue.left.isEmpty {
            out +=
                "<h2>\(e(issue.category)) : passages jugés qui entrent ou sortent des \(LexiconComparison.top) premiers</h2>\n"
            out += "<table><thead><tr><th>Changement</th><th>Passage</th><th>Termes en cause</th></tr></thead><tbody>\n"
            for (cssClass, kind, items) in [
                ("entered", DiffReport.Kind.entered, issue.entered), ("left", .left, issue.left),
            ] {
                for item in items {
                    out +=
                        "<tr class=\"\(cssClass)\"><td>\(e(DiffReport.movement(item.change, kind: kind))), jugé \(item.grade)</td>"
                    out +=
                        "<td><strong>\(e(item.change.source)), p. \(item.change.page)</strong><br>\(e(item.change.text))</td>"
                    out += "<td class=\"terms\">\(e(DiffReport.termsText(item.change)))</td></tr>\n"
                }
            }
            out += "</tbody></table>\n"
        }
        return out + "</body></html>\n"
    }
}
