import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

@testable import EnjeuxEvidence

/// The CSL-JSON items of the documents (`references.json`), their citation keys, and the page
/// as cited in `evidence.jsonl`.
@Suite("References")
struct ReferencesTests {
    private func item(_ document: DocumentSummary?, source: String = "a.pdf") -> CSLItem {
        CSLItem.make(document: document, source: source)
    }

    @Test func peopleAreFamilyAndGivenWithTheYearOnly() {
        let item = item(Fixture.document("a", authors: ["Marie Tremblay", "Jean de La Fontaine"], date: "2016-04-01"))
        #expect(
            item.authors == [
                CSLName(family: "Tremblay", given: "Marie"),
                CSLName(family: "La Fontaine", given: "Jean", droppingParticle: "de"),
            ])
        #expect(item.issued == CSLDate(year: 2016))
        #expect(item.type == "report")
        #expect(item.title == "Le Lean en services sociaux")
        #expect(item.source == "a.pdf")
    }

    @Test func organisationsAreLiteralAndTheirAcronymGivesTheKey() {
        let item = item(
            Fixture.document(
                "m", authors: ["Regroupement des intervenantes et intervenants de première ligne du Québec (RIIPLQ)"],
                date: "2017-03-08"),
            source: "rapports/Mémoire.pdf")
        #expect(
            item.authors == [
                .organisation("Regroupement des intervenantes et intervenants de première ligne du Québec")
            ])
        #expect(item.id.hasPrefix("riiplq-2017-"))
    }

    @Test func missingYearLeavesIssuedOutAndTheKeySaysSd() throws {
        let item = item(Fixture.document("s", authors: [], date: nil, title: "La réforme du réseau"))
        #expect(item.issued == nil)
        #expect(item.authors.isEmpty)
        #expect(item.id.hasPrefix("la-reforme-du-reseau-sd-"))
        let json = String(decoding: item.jsonBytes(), as: UTF8.self)
        #expect(!json.contains("issued") && !json.contains("author"))
        let undated = self.item(Fixture.document("s", date: "printemps"))
        #expect(undated.issued == nil)
        let freeForm = self.item(Fixture.document("s", date: "le 3 avril 2018"))
        #expect(freeForm.issued == CSLDate(year: 2018))
    }

    @Test func publisherWithoutAuthorsIsTheGroupAuthor() {
        let item = item(
            Fixture.document(
                "o", authors: [], date: "2015", title: "Guide", publisher: "Ordre des travailleurs sociaux"))
        #expect(item.authors == [.organisation("Ordre des travailleurs sociaux")])
        #expect(item.publisher == nil)
    }

    @Test func webPagesHaveTheirSiteAsContainerTitleAndTheirURL() {
        let item = item(
            Fixture.document(
                "w", source: "web/a.html", format: .html, authors: ["Annick Poitras-Gendron"], date: "2018-09-24",
                title: "La gestion axée sur les résultats", publisher: "Le Carrefour social",
                url: "https://carrefour.example/a"),
            source: "web/a.html")
        #expect(item.type == "webpage")
        #expect(item.containerTitle == "Le Carrefour social")
        #expect(item.publisher == nil)
        #expect(item.url == "https://carrefour.example/a")
    }

    @Test func unknownDocumentIsDescribedByItsFileName() {
        let item = item(nil, source: "rapports/perdu.pdf")
        #expect(item.title == "perdu.pdf")
        #expect(item.type == "report")
        #expect(item.id.hasPrefix("perdu-pdf-sd-"))
    }

    @Test(
        arguments: [
            ("Tremblay", 2016, "a.pdf", "tremblay-2016-"),
            ("Dufresne-Boileau", 2016, "b.pdf", "dufresne-boileau-2016-"),
            ("Syndicat des professionnelles et professionnels", 2017, "c.html", "syndicat-des-2017-"),
            ("Œuvre Éthique", nil, "d.pdf", "oeuvre-ethique-sd-"),
            ("« »", 2020, "e.pdf", "ref-2020-"),
            ("Abcdefghijklmnopqrstuvwxyzabc", 2020, "f.pdf", "abcdefghijklmnopqrstuvwx-2020-"),
        ] as [(String, Int?, String, String)])
    func keysAreSafeAndDeterministic(name: String, year: Int?, source: String, prefix: String) {
        let key = CitationKey.make(citedName: name, year: year, source: source)
        #expect(key.hasPrefix(prefix), "\(key)")
        #expect(key.count == prefix.count + 4)
        #expect(CitationKey.isSafe(key))
        #expect(key == CitationKey.make(citedName: name, year: year, source: source))
    }

    @Test func sameAuthorAndYearInTwoDocumentsGiveTwoKeys() {
        #expect(
            CitationKey.make(citedName: "Tremblay", year: 2016, source: "a.pdf")
                != CitationKey.make(citedName: "Tremblay", year: 2016, source: "b.pdf"))
    }

    @Test func referencesFileHasOneItemPerCitedDocumentInSourceOrder() throws {
        let issues = EvidenceBuilder.build(Fixture.varied())
        let items = EvidenceReferences.items(issues, scoreSet: Fixture.varied())
        #expect(items.map(\.source) == ["a.pdf", "c.pdf"])
        let text = EvidenceReferences.json(items)
        #expect(try [CSLItem](jsonBytes: Array(text.utf8)) == items)
        let c = try #require(items.last)
        #expect(
            c.authors == [
                CSLName(family: "Gagnon", given: "Louise"), CSLName(family: "Côté", given: "Paul"),
                CSLName(family: "Lee", given: "Ann"),
            ])
        #expect(c.issued == CSLDate(year: 2019))
    }

    @Test func evidenceLinesCarryThePagesAsCited() {
        func line(_ location: PageLocation) -> String {
            EvidenceRenderer.jsonLine(
                EvidenceEntry(
                    category: "a", label: "A", rank: 1, score: 1, source: "a.pdf", documentId: "a", location: location,
                    passageId: "a-0", heading: nil, text: "t", matches: [],
                    citation: Citation(inText: "(X)", reference: "X", needsCheck: false), alsoIn: []))
        }
        #expect(line(PageLocation(page: 1, isPaged: false)).contains(#""pages":null"#))
        #expect(line(PageLocation(page: 4, pageLabel: "iv", isPaged: true)).contains(#""pages":"iv""#))
        #expect(
            line(PageLocation(page: 4, endPage: 5, pageLabel: "iv", endPageLabel: "v", isPaged: true)).contains(
                #""pages":"iv-v""#))
        #expect(line(PageLocation(page: 4, endPage: 5, isPaged: true)).contains(#""pages":"4-5""#))
    }
}
