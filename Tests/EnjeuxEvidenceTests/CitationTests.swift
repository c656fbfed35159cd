import EnjeuxModel
import Testing

@testable import EnjeuxEvidence

@Suite("Citation")
struct CitationTests {
    private func cite(_ document: DocumentSummary?, _ location: PageLocation) -> Citation {
        Citation.make(document: document, source: document?.source ?? "inconnu/fichier.pdf", location: location)
    }

    private let page12 = PageLocation(page: 12, isPaged: true)

    @Test func oneAuthorYearAndPage() {
        let citation = cite(Fixture.document("a", publisher: "Presses de l’Université"), page12)
        #expect(citation.inText == "(Tremblay, 2016, p. 12)")
        #expect(citation.reference == "Marie Tremblay (2016). Le Lean en services sociaux. Presses de l’Université.")
        #expect(!citation.needsCheck)
    }

    @Test(arguments: [
        (["Marie Tremblay"], "Tremblay"),
        (["Marie Tremblay", "Jean Roy"], "Tremblay et Roy"),
        (["Marie Tremblay", "Jean Roy", "Ann Lee"], "Tremblay et al."),
        (["Gagnon, Louise", "Jean-Pierre Côté"], "Gagnon et Côté"),
        (["  Côté  ", ""], "Côté"),
        (["Ministère de la Santé et des Services sociaux"], "Ministère de la Santé et des Services sociaux"),
        (["Le Protecteur du citoyen", "Marie Bureau"], "Le Protecteur du citoyen et Bureau"),
        (["Université de Montréal", "A B", "C D"], "Université de Montréal et al."),
    ])
    func authorFormats(authors: [String], expected: String) {
        let citation = cite(Fixture.document("a", authors: authors), page12)
        #expect(citation.inText == "(\(expected), 2016, p. 12)")
    }

    @Test func fullAuthorListInTheReference() {
        #expect(Citation.fullAuthors(["A B", "C D", "E F"]) == "A B, C D et E F")
        #expect(Citation.fullAuthors(["Roy, Jean", "Lee, Ann"]) == "Roy, Jean et Lee, Ann")
        #expect(Citation.fullAuthors(["Roy, Jean", "Lee, Ann", "Côté, Paul"]) == "Roy, Jean; Lee, Ann et Côté, Paul")
    }

    @Test func noAuthorUsesThePublisherAndIsFlagged() {
        let document = Fixture.document("a", authors: [], publisher: "Ordre des travailleurs sociaux du Québec")
        let citation = cite(document, PageLocation(page: 3, isPaged: true))
        #expect(citation.inText == "(Ordre des travailleurs sociaux du Québec, 2016, p. 3)")
        #expect(citation.reference == "Ordre des travailleurs sociaux du Québec (2016). Le Lean en services sociaux.")
        #expect(citation.needsCheck)
    }

    @Test func noAuthorNoPublisherUsesTheTitle() {
        let document = Fixture.document("a", authors: [], title: "Rapport annuel 2015-2016")
        let citation = cite(document, page12)
        #expect(citation.inText == "(Rapport annuel 2015-2016, 2016, p. 12)")
        #expect(citation.reference == "Rapport annuel 2015-2016 (2016).")
        #expect(citation.needsCheck)
    }

    @Test func noYearIsSansDateAndFlagged() {
        let citation = cite(Fixture.document("a", date: nil), page12)
        #expect(citation.inText == "(Tremblay, s.d., p. 12)")
        #expect(citation.reference.hasPrefix("Marie Tremblay (s.d.). "))
        #expect(citation.needsCheck)
    }

    @Test func titleGuessedFromTheFileNameIsFlagged() {
        let citation = cite(Fixture.document("a", title: "rapport_final", titleSource: .fileName), page12)
        #expect(citation.inText == "(Tremblay, 2016, p. 12)")
        #expect(citation.needsCheck)
    }

    @Test(arguments: [
        (PageLocation(page: 5, pageLabel: "iv", isPaged: true), "p. iv"),
        (PageLocation(page: 3, endPage: 4, isPaged: true), "p. 3-4"),
        (PageLocation(page: 3, endPage: 3, isPaged: true), "p. 3"),
        (PageLocation(page: 14, endPage: 15, pageLabel: "12", endPageLabel: "13", isPaged: true), "p. 12-13"),
        (PageLocation(page: 14, endPage: 15, pageLabel: "12", isPaged: true), "p. 14-15"),
        (PageLocation(page: 7, pageLabel: "  ", isPaged: true), "p. 7"),
    ])
    func pages(location: PageLocation, expected: String) {
        #expect(cite(Fixture.document("a"), location).inText == "(Tremblay, 2016, \(expected))")
    }

    @Test func webPagesHaveNoPageAndNameTheSite() {
        let document = Fixture.document(
            "w", format: .html, authors: ["Isabelle Paré"], date: "2015-03-02", title: "Le Lean à l’hôpital",
            url: "https://www.ledevoir.com/societe/lean", titleSource: .htmlH1)
        let citation = cite(document, PageLocation(page: 1, isPaged: false))
        #expect(citation.inText == "(Paré, 2015)")
        #expect(
            citation.reference
                == "Isabelle Paré (2015). Le Lean à l’hôpital. www.ledevoir.com. https://www.ledevoir.com/societe/lean")
        #expect(!citation.needsCheck)
    }

    @Test func unknownDocumentIsCitedByItsFileAndFlagged() {
        let citation = Citation.make(document: nil, source: "dossier/note.pdf", location: page12)
        #expect(citation.inText == "(note.pdf, s.d., p. 12)")
        #expect(citation.needsCheck)
    }

    @Test(arguments: [
        ("2016-04-01", "2016"), ("2016", "2016"), ("avril 2015", "2015"), ("D:20110102", nil), ("n.d.", nil),
        ("12/03/2019", "2019"),
    ])
    func years(date: String, expected: String?) {
        #expect(Citation.year(in: date) == expected)
    }
}
