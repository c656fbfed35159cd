/// One passage of `index.html`: rank and score, the quote with its matched terms in
/// `<mark>`, the citation, the details, the copy button, the link to the source, and the
/// checkbox that adds its id to the selection (shown once the page's script runs).
enum EvidencePagePassage {
    /// Places of a duplicated passage listed under it; the others are counted (a document
    /// copied under a hundred names would otherwise repeat a hundred paths under each passage).
    static let listedDuplicates = 5

    static func article(_ entry: EvidenceEntry, panelID: String, link: String?) -> String {
        let score = DecimalText.fixed(entry.score, decimals: 4, decimalSeparator: ".") ?? "0"
        var out = "<article class=\"passage\" id=\"\(panelID)-rang-\(entry.rank)\" "
        out += "data-source=\"\(HTMLText.escape(entry.source))\" data-score=\"\(score)\" "
        out += "data-passage=\"\(HTMLText.escape(entry.passageId))\">\n"
        out += "<h4>Rang \(entry.rank) · score \(French.decimal(entry.score))</h4>\n"
        let ranges = entry.matches.map { $0.start..<max($0.start, $0.end) }
        out += "<blockquote><p class=\"texte\">\(HTMLText.highlighted(entry.text, ranges: ranges))</p></blockquote>\n"
        out += "<p class=\"citation\">\(HTMLText.escape(entry.citation.inText))</p>\n"
        out += "<ul class=\"details\">\n"
        out += "<li>Référence\(French.colon)\(HTMLText.escape(entry.citation.reference))</li>\n"
        var source = HTMLText.escape(entry.source)
        if let pages = entry.location.citationText { source += ", " + HTMLText.escape(pages) }
        if let note = entry.location.note { source += " (\(HTMLText.escape(note)))" }
        if let link {
            out += "<li>Source\(French.colon)<a class=\"source\" href=\"\(HTMLText.escape(link))\">\(source)</a></li>\n"
        } else {
            out += "<li>Source\(French.colon)\(source)</li>\n"
        }
        if let heading = entry.heading?.trimmingSpaces(), !heading.isEmpty {
            out += "<li>Section\(French.colon)\(French.quoted(HTMLText.escape(heading)))</li>\n"
        }
        let terms = EvidenceRenderer.matchedTerms(entry.matches)
        if !terms.isEmpty {
            out += "<li>Termes\(French.colon)\(terms.map(HTMLText.escape).joined(separator: French.semicolon))</li>\n"
        }
        if let learned = entry.learned.flatMap({ EvidenceRenderer.learnedText($0, escape: HTMLText.escape) }) {
            out += "<li>\(learned)</li>\n"
        }
        if !entry.alsoIn.isEmpty {
            let places = entry.alsoIn.prefix(listedDuplicates).map { HTMLText.escape($0.place) }
            out += "<li>Aussi dans\(French.colon)\(places.joined(separator: French.semicolon))"
            if entry.alsoIn.count > places.count {
                out += "\(French.semicolon)et \(French.integer(entry.alsoIn.count - places.count)) autres"
                out += " (liste complète dans evidence.jsonl)"
            }
            out += "</li>\n"
        }
        out += "</ul>\n"
        if entry.citation.needsCheck {
            out += "<p class=\"a-verifier\">Citation à vérifier\(French.colon)"
            out += "métadonnées incomplètes (auteur, date ou titre).</p>\n"
        }
        out += "<button type=\"button\" class=\"copier\">Copier la citation</button>\n"
        out += selectionBox(passageId: entry.passageId)
        return out + "</article>\n"
    }

    /// The box that adds the passage to the selection, labelled with its id (its accessible
    /// name is « Sélectionner <id> »). Hidden until the page's script runs.
    static func selectionBox(passageId: String) -> String {
        "<label class=\"choix\"><input type=\"checkbox\"> Sélectionner <code>\(HTMLText.escape(passageId))</code></label>\n"
    }
}
