import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxEvidence

@Suite("index.html")
struct PageTests {
    static func page(
        _ scoreSet: ScoreSet = Fixture.varied(), report: RunReport = Fixture.report(),
        links: SourceLinks = SourceLinks(corpusPrefix: "../Corpus/")
    ) -> String {
        let options = EvidenceOptions()
        let issues = EvidenceBuilder.build(scoreSet, options: options)
        return EvidencePage.html(issues: issues, scoreSet: scoreSet, report: report, options: options, links: links)
    }

    /// The page without `<footer id="execution">…</footer>`, the only part allowed to change.
    static func withoutFooter(_ page: String) -> String {
        guard let start = page.range(of: "<footer id=\"execution\">"),
            let end = page.range(of: "</footer>", range: start.upperBound..<page.endIndex)
        else { return page }
        return String(page[..<start.lowerBound]) + String(page[end.upperBound...])
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Every value of an attribute in the page.
    static func attributeValues(_ name: String, in page: String) -> [String] {
        let pattern = try? NSRegularExpression(pattern: "\\s\(name)=\"([^\"]*)\"")
        let range = NSRange(page.startIndex..., in: page)
        return (pattern?.matches(in: page, range: range) ?? []).compactMap { match in
            Range(match.range(at: 1), in: page).map { String(page[$0]) }
        }
    }

    @Test func escapesEveryPieceOfDocumentText() {
        let hostile = "<script>alert(\"x\")</script> & 'q' </textarea>"
        let documents = [
            Fixture.document(
                "d", source: "dossier/\"<b>\" & l'été.pdf", authors: ["<i>Roy</i>"], title: "Titre <b> & \"q\"")
        ]
        let passages = [
            Fixture.passage(
                "d", 0, "autonomie " + hostile, scores: ["autonomie": 0.9], words: ["autonomie"],
                heading: "<h2 class=\"x\">Section</h2>")
        ]
        var category = Fixture.autonomie
        category.label = "Autonomie <em>pro</em>"
        category.description = "Description & <u>détails</u>"
        let scoreSet = Fixture.scoreSet(categories: [category], documents: documents, passages: passages)
        var report = Fixture.report()
        report.failures = [RunFailure(path: "<x>.pdf", code: "bad", reason: "raison <y>")]
        let page = Self.page(scoreSet, report: report)

        #expect(Self.occurrences(of: "<script", in: page) == 1)
        #expect(!page.contains("<b>") && !page.contains("<i>") && !page.contains("<u>") && !page.contains("<h2 class"))
        #expect(!page.contains("<em>") && !page.contains("<x>") && !page.contains("<y>"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &lt;/textarea&gt;"))
        #expect(page.contains("data-source=\"dossier/&quot;&lt;b&gt;&quot; &amp; l&#39;été.pdf\""))
        #expect(page.contains("href=\"../Corpus/dossier/%22%3Cb%3E%22%20%26%20l%27%C3%A9t%C3%A9.pdf#page=1\""))
        #expect(page.contains("Autonomie &lt;em&gt;pro&lt;/em&gt;"))
    }

    @Test func controlCharactersBecomeReplacementCharacters() {
        #expect(HTMLText.escape("a\u{0}b\u{7}c\u{85}d\u{FFFF}e\tf\ng") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\tf\ng")
    }

    @Test func highlightsByUnicodeScalarOffsets() {
        // 👩‍⚕️ is four scalars (five UTF-16 units); the second "é" is e + U+0301 (two scalars).
        let text = "👩‍⚕️ équipe, e\u{301}quipe & <café>"
        let scalars = Array(text.unicodeScalars)
        #expect(scalars.count == 29)
        let first = HTMLText.highlighted(text, ranges: [5..<11])
        #expect(first == "👩‍⚕️ <mark>équipe</mark>, e\u{301}quipe &amp; &lt;café&gt;")
        let second = HTMLText.highlighted(text, ranges: [13..<20])
        #expect(second == "👩‍⚕️ équipe, <mark>e\u{301}quipe</mark> &amp; &lt;café&gt;")
        let third = HTMLText.highlighted(text, ranges: [24..<28])
        #expect(third == "👩‍⚕️ équipe, e\u{301}quipe &amp; &lt;<mark>café</mark>&gt;")
        let emoji = HTMLText.highlighted(text, ranges: [0..<4])
        #expect(emoji == "<mark>👩‍⚕️</mark> équipe, e\u{301}quipe &amp; &lt;café&gt;")
    }

    @Test func overlappingMarksMergeAndSpacesStayOutside() {
        #expect(HTMLText.highlighted("abc def ghi", ranges: [0..<5, 4..<7]) == "<mark>abc def</mark> ghi")
        #expect(HTMLText.highlighted("abc def ghi", ranges: [3..<8]) == "abc <mark>def</mark> ghi")
        #expect(HTMLText.highlighted("abc def", ranges: [0..<3, 3..<7]) == "<mark>abc def</mark>")
        #expect(HTMLText.highlighted("abc", ranges: [2..<40, -3..<1, 2..<2]) == "<mark>a</mark>b<mark>c</mark>")
        #expect(HTMLText.highlighted("ab\ncd", ranges: [0..<5]) == "<mark>ab\ncd</mark>")
    }

    @Test func passagesMarkTheirMatchedTerms() {
        let page = Self.page()
        #expect(page.contains("<mark>jugement</mark> clinique 👩‍⚕️ s’efface; les <mark>équipes</mark>, elles"))
        #expect(
            page.contains(
                "Les <mark>statistiques</mark> * et les _cibles_ [quotas]\nremplacent le <mark>jugement</mark>."))
        #expect(page.contains("L’<mark>autonomie</mark> professionnelle recule, dit-on, &quot;sous&quot; la pression."))
    }

    @Test func heatMapHasARowPerDocumentSortedByTotal() {
        var scoreSet = Fixture.varied()
        scoreSet.documents.append(Fixture.document("d", source: "d sans passage.pdf"))
        let map = HeatMap(scoreSet: scoreSet, threshold: 0.5)
        #expect(map.rows.map(\.source) == ["a.pdf", "b.html", "c.pdf", "d sans passage.pdf"])
        #expect(map.rows.map(\.counts) == [[2, 2], [1, 0], [1, 1], [0, 0]])
        #expect(map.rowsByTotal.map(\.source) == ["a.pdf", "c.pdf", "b.html", "d sans passage.pdf"])
        let page = Self.page(scoreSet)
        let body = String(page[page.range(of: "<tbody>")!.upperBound..<page.range(of: "</tbody>")!.lowerBound])
        #expect(Self.attributeValues("scope", in: body).count == 4)
        let rows = body.components(separatedBy: "\n").filter { $0.hasPrefix("<tr") }
        #expect(rows.count == 4)
        #expect(
            rows[0]
                == "<tr><th scope=\"row\">a.pdf</th><td class=\"total\">4</td>"
                + "<td class=\"n4\"><a href=\"#enjeu-autonomie\">2</a></td>"
                + "<td class=\"n4\"><a href=\"#enjeu-indicateurs\">2</a></td></tr>")
        #expect(rows[2].hasPrefix("<tr><th scope=\"row\">b.html</th><td class=\"total\">1</td><td class=\"n1\">"))
        #expect(rows[2].hasSuffix("<td>0</td></tr>"))
        // A document without passage: hidden (the box « Masquer… » is ticked), shown without the script.
        #expect(
            rows[3]
                == "<tr class=\"vide\" hidden><th scope=\"row\">d sans passage.pdf</th><td class=\"total\">0</td>"
                + "<td colspan=\"2\">aucun passage</td></tr>")
        #expect(page.contains("<noscript><style>table.carte tr.vide[hidden] { display: table-row; }"))
        // Sorting buttons in the header, the total first and active.
        #expect(
            page.contains(
                "<th scope=\"col\" class=\"total\" aria-sort=\"descending\"><button type=\"button\" data-tri=\"total\">Total</button></th>"
            ))
        #expect(
            page.contains(
                "<th scope=\"col\" class=\"enjeu\"><button type=\"button\" data-tri=\"1\">Indicateurs de performance et mesure</button></th>"
            ))
        #expect(page.contains("<input type=\"checkbox\" id=\"carte-masquer\" checked>"))
        #expect(page.contains("<p id=\"carte-compte\" role=\"status\">3 documents affichés sur 4.</p>"))
        #expect(HeatMapTable.shadeIndex(0, maximum: 5) == nil)
        #expect(HeatMapTable.shadeIndex(1, maximum: 5) == 0)
        #expect(HeatMapTable.shadeIndex(5, maximum: 5) == 4)
        // Logarithmic: beside a count of 4,600, 82 is still mid-scale.
        #expect(HeatMapTable.shadeIndex(82, maximum: 4600) == 2)
        #expect(HeatMapTable.shadeIndex(4600, maximum: 4600) == 4)
    }

    @Test func tabsHaveTheirRolesAndPanels() {
        let page = Self.page()
        #expect(Self.occurrences(of: "role=\"tab\"", in: page) == 2)
        #expect(Self.occurrences(of: "role=\"tabpanel\"", in: page) == 2)
        #expect(Self.occurrences(of: "role=\"tablist\"", in: page) == 1)
        for id in ["enjeu-autonomie", "enjeu-indicateurs"] {
            #expect(page.contains("aria-controls=\"\(id)\""))
            #expect(page.contains("id=\"\(id)\" role=\"tabpanel\" aria-labelledby=\"onglet-\(id)\""))
        }
        #expect(page.contains("<html lang=\"fr\">"))
        #expect(Self.occurrences(of: "Copier la citation", in: page) == 6)
    }

    @Test func eachPassageCanBeSelectedByItsId() {
        let page = Self.page()
        // One box per passage, labelled with its id, inside its article; one selection panel.
        #expect(Self.occurrences(of: "<input type=\"checkbox\">", in: page) == 6)
        for id in ["a-0", "a-1", "c-7"] {
            #expect(Self.occurrences(of: "<code>\(id)</code></label>", in: page) == 2, "under both issues")
            #expect(
                page.contains(
                    "<label class=\"choix\"><input type=\"checkbox\"> Sélectionner <code>\(id)</code></label>"
                ))
        }
        #expect(Self.occurrences(of: "id=\"selection\"", in: page) == 1)
        #expect(page.contains("<div id=\"selection\" class=\"selection\" role=\"region\""))
        #expect(page.contains("aria-labelledby=\"titre-selection\" hidden>"))
        #expect(page.contains("<textarea id=\"selection-liste\""))
        #expect(page.contains(">Copier la sélection</button>"))
        // The selection costs little per passage: the page of a thousand passages grows by
        // about a hundred bytes each.
        let box = EvidencePagePassage.selectionBox(passageId: "353dc2c88a6cbabc")
        #expect(page.contains(EvidencePagePassage.selectionBox(passageId: "a-0")))
        #expect(box.utf8.count <= 100)
    }

    @Test func loadsNothingFromTheNetwork() {
        var scoreSet = Fixture.varied()
        scoreSet.documents.append(
            Fixture.document(
                "w", source: "web/w.html", format: .html, authors: ["Léa Roy"],
                url: "https://www.ledevoir.com/societe/lean"))
        scoreSet.passages.append(
            Fixture.passage(
                "w", 0, "Une autonomie sous surveillance.", scores: ["autonomie": 0.75], words: ["autonomie"]))
        let page = Self.page(scoreSet)
        #expect(page.contains("content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'\""))
        for marker in [" src=", "<link", "url(", "@import", "<img", "<iframe", "<object", "<embed"] {
            #expect(!page.contains(marker), "\(marker) in the page")
        }
        for attribute in ["href", "src", "action", "xmlns", "data"] {
            for value in Self.attributeValues(attribute, in: page) {
                #expect(!value.lowercased().contains("http:") && !value.lowercased().contains("https:"), "\(value)")
            }
        }
        // A web page's URL is in its reference line as text, never as a resource.
        #expect(page.contains("https://www.ledevoir.com/societe/lean"))
    }

    @Test func sourceLinksAreRelativeAndEncoded() {
        let evidence = URL(fileURLWithPath: "/home/x/revue/Evidence")
        #expect(
            SourceLinks.relativePath(from: evidence, to: URL(fileURLWithPath: "/home/x/revue/Corpus")) == "../Corpus/")
        #expect(SourceLinks.relativePath(from: evidence, to: URL(fileURLWithPath: "/data/c")) == "../../../../data/c/")
        #expect(SourceLinks.relativePath(from: evidence, to: evidence) == "./")
        #expect(SourceLinks.relativePath(from: evidence, to: evidence.appendingPathComponent("in")) == "in/")
        let links = SourceLinks(evidence: evidence, corpus: URL(fileURLWithPath: "/home/x/revue/Corpus"))
        #expect(
            links.href(source: "rapports/Mémoire sur l'accès #2?.pdf", page: 3)
                == "../Corpus/rapports/M%C3%A9moire%20sur%20l%27acc%C3%A8s%20%232%3F.pdf#page=3")
        #expect(links.href(source: "web/a b.html", page: nil) == "../Corpus/web/a%20b.html")
        #expect(SourceLinks().href(source: "a.pdf", page: 1) == nil)

        let page = Self.page()
        #expect(page.contains("href=\"../Corpus/a.pdf#page=4\">a.pdf, p. 4-5</a>"))
        #expect(page.contains("href=\"../Corpus/c.pdf#page=12\">c.pdf, p. 12</a>"))
        #expect(page.contains("<li>Aussi dans\u{A0}: b.html</li>"))
        #expect(!Self.page(links: SourceLinks()).contains("class=\"source\""))
    }

    @Test func onlyTheFooterChangesBetweenRuns() {
        let first = Self.page(report: Fixture.report(startedAt: "2026-11-23T18:00:00Z", seconds: 1.25))
        let again = Self.page(report: Fixture.report(startedAt: "2026-11-23T18:00:00Z", seconds: 1.25))
        let later = Self.page(report: Fixture.report(startedAt: "2027-02-01T09:30:00Z", seconds: 7.5))
        #expect(Data(first.utf8) == Data(again.utf8))
        #expect(first != later)
        #expect(Self.withoutFooter(first) == Self.withoutFooter(later))
        #expect(!Self.withoutFooter(first).contains("2026-11-23"))
        #expect(first.contains("Exécution du 2026-11-23T18:00:00Z — durées\u{A0}: extract 1,25\u{A0}s."))
    }

    @Test func summaryListsCountsFailuresAndTheLexicon() {
        let page = Self.page()
        #expect(page.contains("<dt>Documents</dt><dd>3</dd>"))
        #expect(page.contains("<dt>Pages</dt><dd>30</dd>"))
        #expect(page.contains("<dt>Passages</dt><dd>300</dd>"))
        #expect(page.contains("<dt>Lexique</dt><dd>enjeux, version 3</dd>"))
        #expect(page.contains("<code>0a1b2c</code>"))
        // Failures and warnings by reason, in French, the documents folded under each.
        #expect(page.contains("<h3>Documents en échec (1)</h3>\n<ul class=\"raisons\">"))
        #expect(
            page.contains(
                "<li><details><summary>mot de passe requis (ajoutez-le à passwords.tsv dans le dossier du corpus)"
                    + "\u{A0}: 1 document</summary>\n<ul class=\"echecs\">\n"
                    + "<li><span class=\"chemin\">corpus/verrouillé.pdf</span></li>\n</ul></details></li>"))
        #expect(page.contains("<h3>Avertissements (1)</h3>"))
        #expect(
            page.contains("<summary>aucune couche de texte (document numérisé\u{A0}?)\u{A0}: 1 document</summary>")
        )
        for english in ["password required", "password_required", "no text layer", "no_text_layer"] {
            #expect(!page.contains(english), "\(english)")
        }
    }

    @Test func anIssueWithoutPassagesSaysSo() {
        let scoreSet = Fixture.scoreSet(
            documents: [Fixture.document("a")],
            passages: [Fixture.passage("a", 0, "rien", scores: ["autonomie": 0.1])])
        let page = Self.page(scoreSet)
        #expect(page.contains("Aucun passage n’a obtenu un score supérieur au seuil (0,5) pour cet enjeu."))
        #expect(Self.occurrences(of: "<article", in: page) == 0)
    }
}
