import EnjeuxEvidence
import EnjeuxModel
import Foundation

/// `enjeux-lexicon diff` for researchers, in French: as text for the terminal and as a
/// self-contained HTML page.
package enum DiffReport {
    /// The passages' text is cut to this many characters in the listings.
    static let excerptLength = 110

    package static func text(_ diff: LexiconDiff, oldName: String, newName: String) -> String {
        var out = "Différences entre \(oldName) et \(newName) (\(diff.top) premiers rangs par enjeu)\n"
        for issue in diff.addedIssues { out += "Enjeu ajouté : \(issue.id) — \(issue.label)\n" }
        for issue in diff.removedIssues { out += "Enjeu retiré : \(issue.id) — \(issue.label)\n" }
        if diff.isEmpty { return out + "\nAucun changement dans les passages classés.\n" }
        for issue in diff.issues where !issue.isEmpty {
            out += "\n== \(issue.category.id) — \(issue.category.label) : "
            out += "\(issue.entered.count) entrent, \(issue.left.count) sortent, \(issue.moved.count) bougent, "
            out += "\(issue.rescored.count) changent de score\n"
            for change in issue.entered { out += line("+", change, kind: .entered) }
            for change in issue.left { out += line("-", change, kind: .left) }
            for change in issue.moved {
                out += line(
                    change.newRank.map { $0 < change.oldRank ?? .max } == true ? "↑" : "↓", change, kind: .moved)
            }
            for change in issue.rescored { out += line("~", change, kind: .rescored) }
        }
        return out
    }

    enum Kind { case entered, left, moved, rescored }

    static func rankText(_ rank: Int?) -> String { rank.map { "#\($0)" } ?? "non classé" }

    static func movement(_ change: PassageChange, kind: Kind) -> String {
        let scores = "\(format(change.oldScore)) → \(format(change.newScore))"
        switch kind {
        case .entered:
            return "entre au rang \(rankText(change.newRank)) (avant : \(rankText(change.oldRank))), score \(scores)"
        case .left: return "sort (rang \(rankText(change.oldRank)) → \(rankText(change.newRank))), score \(scores)"
        case .moved: return "rang \(rankText(change.oldRank)) → \(rankText(change.newRank)), score \(scores)"
        case .rescored: return "reste au rang \(rankText(change.newRank)), score \(scores)"
        }
    }

    static func termsText(_ change: PassageChange) -> String {
        let terms = change.terms
        guard !terms.isEmpty else {
            return change.oldScore == change.newScore
                ? "score inchangé : déplacé par d’autres passages"
                : "mêmes contributions par terme ; le score a changé par arrondi"
        }
        return terms.prefix(6).map { term in
            let sign = term.new > term.old ? "+" : "−"
            return "\(sign)« \(term.term) » \(format(term.old)) → \(format(term.new))"
        }.joined(separator: ", ") + (terms.count > 6 ? ", …" : "")
    }

    private static func line(_ mark: String, _ change: PassageChange, kind: Kind) -> String {
        "  \(mark) \(movement(change, kind: kind))\n    \(change.source), p. \(change.page) : « \(excerpt(change.text)) »\n"
            + "    termes : \(termsText(change))\n"
    }

    package static func excerpt(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > excerptLength else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[..<excerptLength])
        return String(view) + "…"
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// A self-contained page (no script, no external resource): one table per changed issue.
    package static func html(_ diff: LexiconDiff, oldName: String, newName: String) -> String {
        let e = HTMLText.escape
        var out = """
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Différences de lexique : \(e(oldName)) → \(e(newName))</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em;max-width:75em;color:#222}
            table{border-collapse:collapse;width:100%;margin-bottom:2em}
            th,td{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}
            .entered{background:#eef8ee}.left{background:#fbeeee}.num{text-align:right;white-space:nowrap}
            .terms{font-size:.9em;color:#444}
            </style></head><body>
            <h1>Différences de lexique</h1>
            <p>Ancien : <code>\(e(oldName))</code> — nouveau : <code>\(e(newName))</code> — \(diff.top) premiers rangs par enjeu.</p>

            """
        for issue in diff.addedIssues { out += "<p>Enjeu ajouté : \(e(issue.id)) — \(e(issue.label))</p>\n" }
        for issue in diff.removedIssues { out += "<p>Enjeu retiré : \(e(issue.id)) — \(e(issue.label))</p>\n" }
        if diff.isEmpty { out += "<p>Aucun changement dans les passages classés.</p>\n" }
        for issue in diff.issues where !issue.isEmpty {
            out += "<h2>\(e(issue.category.label)) <small>(\(e(issue.category.id)))</small></h2>\n"
            out += "<table><thead><tr><th>Changement</th><th>Passage</th><th>Termes en cause</th></tr></thead><tbody>\n"
            let groups: [(String, Kind, [PassageChange])] = [
                ("entered", .entered, issue.entered), ("left", .left, issue.left),
                ("moved", .moved, issue.moved), ("rescored", .rescored, issue.rescored),
            ]
            for (cssClass, kind, changes) in groups {
                for change in changes {
                    out += "<tr class=\"\(cssClass)\"><td>\(e(movement(change, kind: kind)))</td>"
                    out += "<td><strong>\(e(change.source)), p. \(change.page)</strong><br>\(e(change.text))</td>"
                    out += "<td class=\"terms\">\(e(termsText(change)))</td></tr>\n"
                }
            }
            out += "</tbody></table>\n"
        }
        return out + "</body></html>\n"
    }
}
