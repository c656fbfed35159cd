import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxEvidence

@Suite("Catalog")
struct CatalogTests {
    // MARK: CSV

    @Test func csvWithQuotesCommasAndLineBreaks() {
        let text = [
            "\u{FEFF}path,title,authors,year,publisher,url",
            #"rapports/lean.pdf,"Le Lean, bilan ""critique""","Tremblay, Marie; Roy, Jean",2016,"Presses, PUQ",https://x.example/lean"#,
            "\"web/a b.html\",\"Un titre\nsur deux lignes\",,2019-04-01,,",
            "",
            "c.pdf,,Ordre des travailleurs sociaux,,,",
            "",
        ].joined(separator: "\r\n")
        let catalog = CatalogCSV.parse(text)
        #expect(catalog.warnings.isEmpty)
        #expect(catalog.entries.count == 3)
        let first = catalog.entries[0]
        #expect(first.path == "rapports/lean.pdf")
        #expect(first.title == "Le Lean, bilan \"critique\"")
        #expect(first.authors == ["Tremblay, Marie", "Roy, Jean"])
        #expect(first.date == "2016")
        #expect(first.publisher == "Presses, PUQ")
        #expect(first.url == "https://x.example/lean")
        #expect(first.line == 2)
        #expect(catalog.entries[1].title == "Un titre\nsur deux lignes")
        #expect(catalog.entries[1].date == "2019-04-01")
        #expect(catalog.entries[1].authors.isEmpty && catalog.entries[1].publisher == nil)
        #expect(catalog.entries[1].line == 3)
        #expect(catalog.entries[2].line == 6)
        #expect(catalog.entries[2].authors == ["Ordre des travailleurs sociaux"])
    }

    @Test func csvInvalidRowsAreWarningsWithLineNumbers() {
        let text = [
            "path,title,authors,year,publisher,url,notes",
            "a.pdf,A,,vers 2016,,,",
            ",B sans chemin,,2016,,",
            "b.pdf,B,,,,,,extra",
            "c.pdf,\"C jamais fermé,,2016",
            "d.pdf,D",
        ].joined(separator: "\n")
        let catalog = CatalogCSV.parse(text)
        #expect(catalog.entries.map(\.path) == ["a.pdf", "b.pdf"])
        #expect(catalog.entries[0].date == "2016")
        let lines = catalog.warnings.map { "\($0.line): \($0.message)" }
        #expect(lines.contains { $0.hasPrefix("1: unknown column \"notes\"") })
        #expect(lines.contains("3: no path; row ignored"))
        #expect(lines.contains { $0.hasPrefix("4: 8 fields for 7 columns") })
        #expect(lines.contains("5: quote never closed; the rest of the file is ignored"))
        #expect(
            CatalogCSV.parse("path,year\na.pdf,bientôt\n").warnings.map(\.description) == [
                "catalog.csv:2: \"bientôt\" is not a year; year ignored"
            ])
    }

    @Test func csvWithoutHeaderOrWithSemicolons() {
        let plain = CatalogCSV.parse("a.pdf,Titre A,Roy; Lee,2001,,\n")
        #expect(plain.entries.first?.title == "Titre A")
        #expect(plain.entries.first?.authors == ["Roy", "Lee"])
        let french = CatalogCSV.parse("Path;Title;Year\n\"a; b.pdf\";Titre, avec virgule;1999\n")
        #expect(french.warnings.isEmpty)
        #expect(french.entries.first?.path == "a; b.pdf")
        #expect(french.entries.first?.title == "Titre, avec virgule")
        #expect(french.entries.first?.date == "1999")
    }

    // MARK: CSL-JSON

    static let cslJSON = """
        [
          {
            "id": "item1", "type": "report",
            "title": "Le Lean en services sociaux",
            "author": [{"family": "Tremblay", "given": "Marie"}, {"family": "Koninck", "given": "Luc",
              "non-dropping-particle": "de"}],
            "issued": {"date-parts": [[2016, 4, 1]]},
            "publisher": "CISSS de la Rivière",
            "URL": "https://x.example/lean",
            "note": "Type: rapport\\nsource: rapports/lean.pdf"
          },
          {"title": "Article", "author": [{"literal": "Ordre des travailleurs sociaux"}],
           "issued": {"date-parts": [["2019"]]}, "container-title": "Revue Intervention",
           "enjeux-source": "web/article.html"},
          {"title": "Par le titre seulement", "issued": {"raw": "printemps 2018"}},
          {"type": "book"},
          "pas un objet",
          {"title": "Source Zotero", "source": "Corpus/x.pdf"}
        ]
        """

    @Test func cslJSONItems() {
        let catalog = CatalogCSLJSON.parse(Data(Self.cslJSON.utf8))
        #expect(catalog.entries.count == 4)
        let first = catalog.entries[0]
        #expect(first.path == "rapports/lean.pdf")
        #expect(first.authors == ["Tremblay, Marie", "de Koninck, Luc"])
        #expect(first.date == "2016-04-01")
        #expect(first.publisher == "CISSS de la Rivière")
        #expect(first.url == "https://x.example/lean")
        #expect(first.line == 2)
        let second = catalog.entries[1]
        #expect(second.path == "web/article.html")
        // A CSL `literal` name is kept in braces: an organisation, cited by its whole name.
        #expect(second.authors == ["{Ordre des travailleurs sociaux}"])
        #expect(second.date == "2019")
        #expect(second.publisher == "Revue Intervention")
        #expect(catalog.entries[2].path == nil && catalog.entries[2].date == "printemps 2018")
        #expect(catalog.entries[3].path == "Corpus/x.pdf")
        #expect(catalog.warnings.map(\.line) == [16, 17])
    }

    @Test func cslJSONThatIsNotAnArrayIsAWarning() {
        #expect(CatalogCSLJSON.parse(Data("{\"title\": 1}".utf8)).warnings.count == 1)
        #expect(
            CatalogCSLJSON.parse(Data("[{\"title\": ".utf8)).warnings.first?.message.hasPrefix("not valid JSON") == true
        )
    }

    // MARK: Applying

    static func scoreSet() -> ScoreSet {
        let documents = [
            Fixture.document("lean", source: "rapports/lean.pdf", authors: ["Jean Auteur-Pdf"], date: "2010"),
            Fixture.document(
                "sans", source: "Synthèse_réforme.pdf", authors: [], date: nil, title: "Synthèse_réforme",
                titleSource: .fileName),
            Fixture.document(
                "titre", source: "web/t.html", format: .html, authors: [], title: "Par le  titre SEULEMENT"),
        ]
        let passages = [
            Fixture.passage(
                "lean", 0, "L’autonomie recule.", scores: ["autonomie": 0.9], words: ["autonomie"], page: 2),
            Fixture.passage(
                "lean", 1, "Encore l’autonomie, ailleurs.", scores: ["autonomie": 0.8], words: ["autonomie"],
                page: 7),
            Fixture.passage("sans", 0, "L’autonomie des équipes.", scores: ["autonomie": 0.7], words: ["autonomie"]),
            Fixture.passage("titre", 0, "Une autonomie mesurée.", scores: ["autonomie": 0.6], words: ["autonomie"]),
        ]
        return Fixture.scoreSet(documents: documents, passages: passages)
    }

    @Test func overridesApplyToEveryCitationOfTheDocument() {
        var catalog = CatalogCSLJSON.parse(Data(Self.cslJSON.utf8))
        catalog.append(
            CatalogCSV.parse(
                """
                path,title,authors,year,publisher,url
                Synthèse_réforme.pdf,Synthèse de la réforme du réseau,Comité de recherche,2017,,
                rapports/lean.pdf,,,,Éditions du catalogue,
                absent.pdf,Rien,,,,
                """))
        let (scoreSet, warnings) = catalog.applied(to: Self.scoreSet())
        let entries = EvidenceBuilder.build(scoreSet).flatMap(\.entries)
        let lean = entries.filter { $0.documentId == "lean" }
        #expect(
            lean.map(\.citation.inText) == [
                "(Tremblay et de Koninck, 2016, p. 2)", "(Tremblay et de Koninck, 2016, p. 7)",
            ])
        for entry in lean {
            #expect(
                entry.citation.reference
                    == "Tremblay, Marie et de Koninck, Luc (2016). Le Lean en services sociaux. Éditions du catalogue. "
                    + "https://x.example/lean")
            #expect(!entry.citation.needsCheck)
        }
        let synthesis = entries.first { $0.documentId == "sans" }
        #expect(synthesis?.citation.inText == "(Comité de recherche, 2017, p. 1)")
        #expect(synthesis?.citation.needsCheck == false)
        let byTitle = entries.first { $0.documentId == "titre" }
        #expect(byTitle?.citation.inText == "(Par le titre seulement, 2018)")
        #expect(byTitle?.citation.needsCheck == true)
        #expect(
            warnings.map(\.description).sorted()
                == [
                    "catalog.csv:4: no document at \"absent.pdf\" in the corpus; entry ignored",
                    "catalog.json:18: no document at \"Corpus/x.pdf\" in the corpus; entry ignored",
                    "catalog.json:12: no document at \"web/article.html\" in the corpus; entry ignored",
                ].sorted())
    }

    @Test func aDocumentWithoutMetadataOrEntryIsFlagged() {
        let (scoreSet, _) = Catalog().applied(to: Self.scoreSet())
        let entry = EvidenceBuilder.build(scoreSet).flatMap(\.entries).first { $0.documentId == "sans" }
        #expect(entry?.citation.inText == "(Synthèse_réforme, s.d., p. 1)")
        #expect(entry?.citation.needsCheck == true)
    }

    @Test func bareFileNamesMatchOnlyWhenUnique() {
        let documents = [
            Fixture.document("x", source: "a/rapport.pdf"), Fixture.document("y", source: "b/rapport.pdf"),
            Fixture.document("z", source: "b/seul.pdf"),
        ]
        let scoreSet = Fixture.scoreSet(documents: documents, passages: [])
        let catalog = CatalogCSV.parse("path,title\nrapport.pdf,Ambigu\nseul.pdf,Unique\n./a/rapport.pdf,Chemin\n")
        let (result, warnings) = catalog.applied(to: scoreSet)
        #expect(result.documents.map(\.metadata.title) == ["Chemin", "Le Lean en services sociaux", "Unique"])
        #expect(warnings.map(\.line) == [2])
    }

    @Test func loadsBothFilesFromTheCorpusFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "enjeux-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Catalog.load(corpus: folder) == Catalog())
        try Data(Self.cslJSON.utf8).write(to: folder.appendingPathComponent("catalog.json"))
        try Data("path,year\nrapports/lean.pdf,2020\n".utf8).write(to: folder.appendingPathComponent("catalog.csv"))
        let catalog = Catalog.load(corpus: folder)
        #expect(catalog.entries.count == 5)
        #expect(
            catalog.entries.map(\.file) == [
                "catalog.json", "catalog.json", "catalog.json", "catalog.json", "catalog.csv",
            ])
        let (scoreSet, _) = catalog.applied(to: Self.scoreSet())
        // The CSV comes last and wins for the year; the other fields come from the CSL-JSON item.
        #expect(scoreSet.documents[0].metadata.date == "2020")
        #expect(scoreSet.documents[0].metadata.title == "Le Lean en services sociaux")
        try Data([0xFF, 0xFE, 0x00]).write(to: folder.appendingPathComponent("catalog.csv"))
        #expect(
            Catalog.load(corpus: folder).warnings.map(\.description).contains {
                $0.hasPrefix("catalog.csv:1: not UTF-8")
            })
    }
}
