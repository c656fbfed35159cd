import EnjeuxModel
import Testing

@testable import EnjeuxEvidence

/// Authors as people or organisations: the citation of hard cases, and whether it is flagged.
@Suite("Citation names")
struct CitationNameTests {
    private func cite(_ authors: [String]) -> Citation {
        Citation.make(
            document: Fixture.document("a", authors: authors), source: "a.pdf",
            location: PageLocation(page: 12, isPaged: true))
    }

    @Test(arguments: [
        // Organisations: whole name, acronym in brackets, never cut at `et` or a comma.
        (
            ["Regroupement des intervenantes et intervenants de première ligne du Québec (RIIPLQ)"],
            "Regroupement des intervenantes et intervenants de première ligne du Québec [RIIPLQ]", false
        ),
        (["Ministère de la Santé et des Services sociaux"], "Ministère de la Santé et des Services sociaux", false),
        (["CIUSSS des Deux-Rives"], "CIUSSS des Deux-Rives", false),
        (["{CIUSSS des Deux-Rives},"], "CIUSSS des Deux-Rives", false),
        (["{Les Amis de la Terre}"], "Les Amis de la Terre", false),
        (["Incubateur Rive-Nord Techno"], "Incubateur Rive-Nord Techno", false),
        (
            ["Direction du développement et du soutien professionnel, OIRHQ"],
            "Direction du développement et du soutien professionnel, OIRHQ", false
        ),
        (["OTSTCFQ"], "OTSTCFQ", false),
        (["Regroupement des services sociaux"], "Regroupement des services sociaux", false),
        // People: two, three, particles, hyphens, `Family, Given`.
        (["Marie Tremblay", "Jean Roy"], "Tremblay et Roy", false),
        (["Marie Tremblay", "Jean Roy", "Ann Lee"], "Tremblay et al.", false),
        (["Alexis de Tocqueville"], "Tocqueville", false),
        (["Vincent van Gogh"], "van Gogh", false),
        (["Luc Van Campenhoudt"], "Van Campenhoudt", false),
        (["Jean de La Fontaine"], "La Fontaine", false),
        (["de Koninck, Luc"], "de Koninck", false),
        (["Marie-Ève Dufresne-Boileau"], "Dufresne-Boileau", false),
        (["Tremblay, Marie-Ève", "Roy, Jean"], "Tremblay et Roy", false),
        (["J.-P. Côté"], "Côté", false),
        // Uncertain: flagged « à vérifier ».
        (["Techno"], "Techno", true),
        (["Marc Bureau"], "Bureau", true),
        (["la rédaction web"], "la rédaction web", false),
        (["admin"], "admin", true),
    ])
    func citedName(authors: [String], expected: String, flagged: Bool) {
        let citation = cite(authors)
        #expect(citation.inText == "(\(expected), 2016, p. 12)")
        #expect(citation.needsCheck == flagged, "\(authors)")
    }

    @Test func organisationsAreWrittenWholeInTheReference() {
        let citation = cite(["{CIUSSS des Deux-Rives}"])
        #expect(citation.reference.hasPrefix("CIUSSS des Deux-Rives (2016). "))
    }

    @Test func noAuthorOrNoYearIsFlagged() {
        #expect(cite([]).needsCheck)
        var document = Fixture.document("a", authors: ["Marie Tremblay"])
        document.metadata.date = nil
        let citation = Citation.make(
            document: document, source: "a.pdf", location: PageLocation(page: 1, isPaged: true))
        #expect(citation.inText == "(Tremblay, s.d., p. 1)")
        #expect(citation.needsCheck)
    }

    @Test func personAndOrganisationKinds() {
        #expect(AuthorName("Hélène Vaillancourt-Roy").kind == .person)
        #expect(
            AuthorName("Syndicat des professionnelles et professionnels en intervention sociale").kind == .organisation)
        #expect(AuthorName("{Marie Tremblay}").kind == .organisation)
        #expect(AuthorName("Université Laval").kind == .organisation)
    }
}
