import EnjeuxModel

/// `index.html`: one self-contained French page with the run summary, the heat map of issues
/// by documents, and a tab per issue with its passages (matched terms in `<mark>`, citation,
/// copy button, link to the source). Nothing is loaded from anywhere: the style and the
/// script are inline and a Content-Security-Policy forbids every other load. The run date and
/// the timings are only in `<footer id="execution">`; the rest of the page depends only on the
/// scores, the report's counts and the options.
package enum EvidencePage {
    /// The whole page.
    package static func html(
        issues: [IssueEvidence], scoreSet: ScoreSet, report: RunReport, options: EvidenceOptions,
        links: SourceLinks = SourceLinks(), evidence: DocumentEvidence? = nil
    ) -> String {
        let names = IssueFileNames(ids: issues.map(\.category.id))
        let panelID = { (id: String) in "enjeu-" + names.baseName(for: id) }
        let evidence = evidence ?? Ranker(options: options).documentEvidence(scoreSet)
        let map = HeatMap(scoreSet: scoreSet, threshold: options.scoreThreshold, evidence: evidence)

        // The two large parts first, so that the page is assembled in one buffer of the right size.
        let heatMap = heatMapSection(map, panelID: panelID)
        let passages = issuesSection(issues, options: options, links: links, panelID: panelID)
        var out = ""
        out.reserveCapacity(
            heatMap.utf8.count + passages.utf8.count + EvidencePageAssets.style.utf8.count
                + EvidencePageAssets.script.utf8.count + 16_384)
        out += "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(EvidencePageAssets.contentSecurityPolicy)\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Passages par enjeu — \(HTMLText.escape(report.lexicon.name))</title>\n"
        out += "<style>\n\(EvidencePageAssets.style)\n</style>\n"
        out += "<noscript><style>\(EvidencePageAssets.noScriptStyle)</style></noscript>\n</head>\n<body>\n"
        out += "<a class=\"evitement\" href=\"#enjeux\">Aller aux passages</a>\n"
        out += "<header>\n<h1>Passages par enjeu</h1>\n"
        out +=
            "<p>Lexique « \(HTMLText.escape(report.lexicon.name)) », version \(HTMLText.escape(report.lexicon.version))"
        out += " — passages dont le score dépasse \(French.decimal(options.scoreThreshold)).</p>\n</header>\n"
        out += "<main>\n"
        out += summary(report)
        out += heatMap
        out += TrendSection.html(YearTrends(scoreSet: scoreSet, threshold: options.scoreThreshold, evidence: evidence))
        out += CoOccurrenceSection.html(
            IssueCoOccurrence(scoreSet: scoreSet, threshold: options.scoreThreshold, evidence: evidence))
        out += passages
        out += "</main>\n"
        out += footer(report)
        out += "<div id=\"annonce\" class=\"visuellement-cache\" role=\"status\" aria-live=\"polite\"></div>\n"
        out += "<script>\n\(EvidencePageAssets.script)\n</script>\n</body>\n</html>\n"
        return out
    }

    /// The footer, the only part of the page that changes from run to run on the same scores.
    static func footer(_ report: RunReport) -> String {
        var out = "<footer id=\"execution\">\n<p>Exécution du \(HTMLText.escape(report.startedAt))"
        if !report.stages.isEmpty {
            let timings = report.stages.map {
                "\(HTMLText.escape($0.stage)) \(French.decimal($0.seconds, decimals: 2))\(French.noBreakSpace)s"
            }
            out += " — durées\(French.colon)" + timings.joined(separator: French.semicolon)
        }
        return out + ".</p>\n</footer>\n"
    }

    // MARK: Summary

    static func summary(_ report: RunReport) -> String {
        let lexicon = report.lexicon
        var out = "<section id=\"resume\" aria-labelledby=\"titre-resume\">\n"
        out += "<h2 id=\"titre-resume\">Résumé de l’exécution</h2>\n<dl class=\"resume\">\n"
        let rows: [(String, String)] = [
            ("Documents", French.integer(report.documents)),
            ("Pages", French.integer(report.pages)),
            ("Passages", French.integer(report.passages)),
            ("Documents en échec", French.integer(report.failures.count)),
            ("Lexique", "\(HTMLText.escape(lexicon.name)), version \(HTMLText.escape(lexicon.version))"),
            ("Fichier du lexique", HTMLText.escape(lexicon.path)),
            ("SHA-256 du lexique", "<code>\(HTMLText.escape(lexicon.sha256))</code>"),
        ]
        for (term, value) in rows { out += "<dt>\(term)</dt><dd>\(value)</dd>\n" }
        out += "</dl>\n"
        if !report.failures.isEmpty {
            out += "<h3>Documents en échec (\(French.integer(report.failures.count)))</h3>\n"
            out += reasonGroups(ReasonGroup.failures(report.failures), noun: ("document", "documents"))
        }
        if !report.ignoredFolders.isEmpty {
            out += "<h3>Dossiers de ressources de pages web ignorés</h3>\n<ul class=\"echecs\">\n"
            for folder in report.ignoredFolders {
                out += "<li><span class=\"chemin\">\(HTMLText.escape(folder.path))/</span> (page de "
                out += "<span class=\"chemin\">\(HTMLText.escape(folder.page))</span>)</li>\n"
            }
            out += "</ul>\n"
        }
        if !report.ignoredFiles.isEmpty {
            out += "<h3>Fichiers non lus (\(French.integer(report.ignoredFiles.count)))</h3>\n<ul class=\"echecs\">\n"
            for file in report.ignoredFiles {
                out += "<li><span class=\"chemin\">\(HTMLText.escape(file.path))\(file.files == nil ? "" : "/")</span>"
                out += " (\(HTMLText.escape(RunIgnoredFileHints.reason(file))))</li>\n"
            }
            out += "</ul>\n"
            for hint in RunIgnoredFileHints.sentences(report.ignoredFiles) {
                out += "<p>\(HTMLText.escape(hint))</p>\n"
            }
        }
        if !report.warnings.isEmpty {
            out += "<h3>Avertissements (\(French.integer(report.warnings.count)))</h3>\n"
            out += reasonGroups(ReasonGroup.warnings(report.warnings), noun: ("document", "documents"))
        }
        return out + "</section>\n"
    }

    /// One line per reason, in French, with its count; the documents it concerns folded
    /// under it (`<details>`), each with what is particular to it.
    static func reasonGroups(_ groups: [ReasonGroup], noun: (String, String)) -> String {
        var out = "<ul class=\"raisons\">\n"
        for group in groups {
            out += "<li><details><summary>\(HTMLText.escape(group.headline))\(French.colon)"
            out += "\(French.count(group.items.count, noun.0, noun.1))</summary>\n<ul class=\"echecs\">\n"
            for item in group.items {
                out += "<li><span class=\"chemin\">\(HTMLText.escape(item.path))</span>"
                if let detail = item.detail { out += " (\(HTMLText.escape(detail)))" }
                out += "</li>\n"
            }
            out += "</ul></details></li>\n"
        }
        return out + "</ul>\n"
    }

    // MARK: Heat map

    static func heatMapSection(_ map: HeatMap, panelID: (String) -> String) -> String {
        var out = "<section id=\"carte-section\" aria-labelledby=\"titre-carte\">\n"
        out += "<h2 id=\"titre-carte\">Où chaque enjeu est abordé</h2>\n"
        out += "<p>Nombre de passages de chaque document dont le score dépasse le seuil, par enjeu (doublons compris)."
        out += " Une case mène aux passages de l’enjeu pour ce document. Les documents sont classés par nombre total"
        out +=
            " de passages\(French.semicolon)le bouton d’un enjeu, en tête de colonne, les classe selon cet enjeu.</p>\n"
        if map.rows.isEmpty || map.issues.isEmpty {
            return out + "<p>Aucun document ou aucun enjeu.</p>\n</section>\n"
        }
        let withPassages = map.rows.filter { $0.total > 0 }.count
        out += "<div class=\"outils-carte\" hidden>\n"
        out += "<div><label for=\"carte-recherche\">Chercher un document</label>\n"
        out += "<input type=\"search\" id=\"carte-recherche\" autocomplete=\"off\"></div>\n"
        out += "<div class=\"case\"><input type=\"checkbox\" id=\"carte-masquer\" checked>"
        out += "<label for=\"carte-masquer\">Masquer les documents sans passage</label></div>\n"
        out += "<p id=\"carte-compte\" role=\"status\">"
        out += "\(French.count(withPassages, "document affiché", "documents affichés")) sur "
        out += "\(French.integer(map.rows.count)).</p>\n</div>\n"
        out += "<div class=\"defilement\">\n"
        out += HeatMapTable.render(map, panelID: panelID)
        out += "\n</div>\n</section>\n"
        return out
    }

    // MARK: Issues

    static func issuesSection(
        _ issues: [IssueEvidence], options: EvidenceOptions, links: SourceLinks,
        panelID: (String) -> String
    ) -> String {
        var out = "<section id=\"enjeux\" aria-labelledby=\"titre-enjeux\">\n"
        out += "<h2 id=\"titre-enjeux\">Passages retenus</h2>\n"
        out +=
            "<div class=\"filtres\">\n<div><label for=\"filtre-document\">Document (tout ou partie du chemin)</label>\n"
        out += "<input type=\"search\" id=\"filtre-document\" list=\"documents-retenus\" autocomplete=\"off\">\n"
        out += "<datalist id=\"documents-retenus\">\n"
        for source in listedSources(issues) {
            out += "<option value=\"\(HTMLText.escape(source))\">\n"
        }
        out += "</datalist></div>\n<div><label for=\"filtre-score\">Score minimal</label>\n"
        let threshold = DecimalText.fixed(options.scoreThreshold, decimals: 4, decimalSeparator: ".") ?? "0"
        out += "<input id=\"filtre-score\" type=\"number\" min=\"0\" step=\"0.1\" value=\"\(threshold)\"></div>\n"
        out += "</div>\n"
        out += selectionPanel
        guard !issues.isEmpty else { return out + "<p>Le lexique ne définit aucun enjeu.</p>\n</section>\n" }

        out += "<div role=\"tablist\" aria-label=\"Enjeux\" hidden>\n"
        for (offset, issue) in issues.enumerated() {
            let panel = panelID(issue.category.id)
            out += "<button type=\"button\" role=\"tab\" id=\"onglet-\(panel)\" aria-controls=\"\(panel)\" "
            out += "aria-selected=\"\(offset == 0 ? "true" : "false")\" tabindex=\"\(offset == 0 ? "0" : "-1")\">"
            out += "\(HTMLText.escape(HeatMapTable.label(of: issue.category))) (\(issue.entries.count))</button>\n"
        }
        out += "</div>\n"
        // Only the first panel is laid out when the page opens; the others wait for their tab
        // (without the script, a style in `<noscript>` shows them all, one after the other).
        for (offset, issue) in issues.enumerated() {
            out += panel(issue, options: options, links: links, panelID: panelID, hidden: offset > 0)
        }
        return out + "</section>\n"
    }

    static func panel(
        _ issue: IssueEvidence, options: EvidenceOptions, links: SourceLinks,
        panelID: (String) -> String, hidden: Bool = false
    ) -> String {
        let id = panelID(issue.category.id)
        var out = "<section class=\"enjeu\" id=\"\(id)\" role=\"tabpanel\" aria-labelledby=\"onglet-\(id)\" "
        out += "tabindex=\"0\" data-enjeu=\"\(HTMLText.escape(issue.category.id))\"\(hidden ? " hidden" : "")>\n"
        out += "<h3>\(HTMLText.escape(HeatMapTable.label(of: issue.category)))</h3>\n"
        let description = issue.category.description.trimmingSpaces()
        if !description.isEmpty { out += "<p class=\"description\">\(HTMLText.escape(description))</p>\n" }
        let threshold = French.decimal(options.scoreThreshold)
        if issue.entries.isEmpty {
            out += "<p>Aucun passage n’a obtenu un score supérieur au seuil (\(threshold)) pour cet enjeu.</p>\n"
            return out + "</section>\n"
        }
        out += "<p>\(French.count(issue.entries.count, "passage retenu", "passages retenus")) sur "
        out += "\(French.count(issue.candidateCount, "passage", "passages")) dont le score dépasse \(threshold), "
        out += "doublons compris.</p>\n"
        if let learning = issue.learning {
            out += "<p class=\"apprentissage\">\(HTMLText.escape(EvidenceRenderer.learningLine(learning)))</p>\n"
        }
        out += "<p class=\"compte-filtre\" aria-live=\"polite\"></p>\n"
        for entry in issue.entries {
            out += EvidencePagePassage.article(entry, panelID: id, link: link(for: entry, links: links))
        }
        return out + "</section>\n"
    }

    /// The selection: the ids of the passages whose « Sélectionner » box is ticked, one per
    /// line, to copy into a file for a brief. Hidden until the script shows it (it is the
    /// script's state, kept in the browser's local storage).
    static let selectionPanel = """
        <div id="selection" class="selection" role="region" aria-labelledby="titre-selection" hidden>
        <h3 id="titre-selection">Sélection</h3>
        <p>Cochez «\u{A0}Sélectionner\u{A0}» sous les passages à citer. La liste de leurs identifiants, un par ligne, \
        se copie d’un coup pour l’enregistrer dans un fichier texte (la sélection d’une note).</p>
        <p id="selection-compte">Aucun passage sélectionné.</p>
        <label for="selection-liste">Identifiants sélectionnés</label>
        <textarea id="selection-liste" rows="4" cols="24" readonly></textarea>
        <p><button type="button" id="copier-selection">Copier la sélection</button>
        <button type="button" id="vider-selection">Vider la sélection</button></p>
        </div>

        """

    /// The documents that have a listed passage, each once, by path: what the document filter
    /// proposes as you type (a document without a listed passage would filter out everything).
    static func listedSources(_ issues: [IssueEvidence]) -> [String] {
        Set(issues.flatMap { $0.entries.map(\.source) }).sorted {
            $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
        }
    }

    private static func link(for entry: EvidenceEntry, links: SourceLinks) -> String? {
        links.href(source: entry.source, page: entry.location.kind == .page ? entry.location.page : nil)
    }
}
