import EnjeuxModel
import EnjeuxSupport
import EnjeuxTestSupport
import Foundation
import Testing

/// Runs the four executables over the bundled sample corpus, like `make analyze`.
@Suite(.serialized) struct SampleCorpusTests {
    static let corpus = SharedData.repositoryRoot.appendingPathComponent("Corpus")
    static let lexicon = SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml")
    static let issues = [
        "autonomie", "deontologie", "indicateurs", "optimisation", "ngp", "acces", "conditions", "protection",
        "austerite", "reforme",
    ]

    @Test func evidenceCoversEveryIssueWithVerbatimPassages() throws {
        let scratch = try Scratch()
        let outputs = try StageRunner.pipeline(
            corpus: Self.corpus, lexicon: Self.lexicon, work: scratch.path("work"), evidence: scratch.path("Evidence"))
        for (stage, output) in outputs {
            #expect(output.status == 0, "\(stage) failed: \(output.stderr)")
        }
        let rows = try readEvidence(scratch.path("Evidence"))
        #expect(Set(rows.compactMap { $0["category"] as? String }) == Set(Self.issues))

        // Every passage reads exactly as in its document's extracted page text.
        var pages: [String: [Int: String]] = [:]
        for row in rows {
            let id = try #require(row["document_id"] as? String)
            if pages[id] == nil {
                let document = try ExtractedDocument(
                    jsonFile: scratch.path("work/extracted/\(id).json"))
                pages[id] = Dictionary(uniqueKeysWithValues: document.pages.map { ($0.number, $0.plainText) })
            }
            let page = try #require(row["page"] as? Int)
            let endPage = (row["end_page"] as? Int) ?? page
            let text = try #require(row["text"] as? String)
            let pageText = (page...endPage).compactMap { pages[id]?[$0] }.joined(separator: "\n\n")
            let flattened = pageText.replacingOccurrences(of: "\n\n", with: " ")
            #expect(pageText.contains(text) || flattened.contains(text), "not verbatim: \(text.prefix(60))")
            #expect((row["citation"] as? String)?.hasPrefix("(") == true)
            #expect((row["source"] as? String)?.isEmpty == false)
            for match in row["matches"] as? [[String: Any]] ?? [] {
                let start = try #require(match["start"] as? Int)
                let end = try #require(match["end"] as? Int)
                #expect(text.scalarSlice(start, end) == match["text"] as? String)
            }
        }
    }

    /// The citation of every document of the sample corpus (without its page), and whether
    /// it is flagged « à vérifier »: staff paste these into briefs.
    static let expectedCitations: [String: (String, Bool)] = [
        "Amélioration continue – usine de Saint-Aurèle 2020.pdf": ("(Vachon, 2021", false),
        "Bulletin Éthique et pratique, printemps 2018.pdf": ("(Vaillancourt-Roy, 2018", false),
        "Rapport d'évaluation Lean 2016.pdf": ("(Dufresne-Boileau et Benslimane, 2016", false),
        "Sondage conditions de pratique 2019.pdf": ("(Nadeau et Arsenault-Lévesque, 2019", false),
        "rapports/Mémoire sur l'accès aux services.pdf": (
            "(Regroupement des intervenantes et intervenants de première ligne du Québec [RIIPLQ], 2017", false
        ),
        "rapports/Synthèse_réforme_du_réseau.pdf": (
            "(La réforme de la gouvernance du réseau : repères pour les équipes psychosociales, s.d.", true
        ),
        "web/Témoignage d'une intervenante en protection de la jeunesse.html": (
            "(Syndicat des professionnelles et professionnels en intervention sociale, section Rive-Sud, 2017)", false
        ),
        "web/atelier-lean-startup.html": ("(Incubateur Rive-Nord Techno, 2024)", false),
        "web/autonomie-professionnelle-et-exigences-de-l-employeur.html": (
            "(Direction du développement et du soutien professionnel, OIRHQ, 2019)", false
        ),
        "web/compressions-services-sociaux-estuaire-2015.html": ("(Tanguay-Fortin, 2015)", false),
        "web/essai-norvik-e-sentier-autonomie-hiver.html": ("(Laroche-Dubé, 2022)", false),
        "web/gestion-axee-sur-les-resultats-services-sociaux.html": ("(Poitras-Gendron, 2018)", false),
        "web/lean-en-santé-mentale.html": ("(Tremblay-Arsenault, 2020)", false),
        "web/marathon-indicateurs-de-performance.html": ("(Rousseau-Caron, 2023)", false),
        "notes/Notes de consultation – charge de travail et indicateurs 2022.docx": ("(Gagnon-Bérubé, 2022", false),
        "notes/Note au comité – autonomie en GMF 2020.odt": ("(Ouellet, 2020", false),
    ]

    @Test func everyDocumentIsCitedAsExpected() throws {
        let scratch = try Scratch()
        _ = try StageRunner.pipeline(
            corpus: Self.corpus, lexicon: Self.lexicon, work: scratch.path("work"), evidence: scratch.path("Evidence"))
        var seen: [String: (String, Bool)] = [:]
        for row in try readEvidence(scratch.path("Evidence")) {
            let source = try #require(row["source"] as? String)
            let citation = try #require(row["citation"] as? String)
            let cited =
                citation.components(separatedBy: ", p. ").first?.components(separatedBy: ", paragr. ").first ?? citation
            seen[source] = (cited, row["citation_needs_check"] as? Bool ?? true)
        }
        // Off-topic documents of the sample corpus (a car review, a marathon page) with only a
        // weak word here and there are left out of the lists (`DocumentEvidence`).
        let offTopic: Set = [
            "web/essai-norvik-e-sentier-autonomie-hiver.html", "web/marathon-indicateurs-de-performance.html",
        ]
        for (source, expected) in Self.expectedCitations {
            if offTopic.contains(source), seen[source] == nil { continue }
            let found = try #require(seen[source], "no evidence from \(source)")
            #expect(found.0 == expected.0, "\(source)")
            #expect(found.1 == expected.1, "\(source): needs check")
        }
        #expect(Set(seen.keys).isSubset(of: Set(Self.expectedCitations.keys)))
    }

    /// The Word document, which records no pages, is cited by paragraph; the OpenDocument text
    /// by the pages LibreOffice recorded; PDF by page; web pages without one.
    @Test func locationsSayHowEachDocumentIsCited() throws {
        let scratch = try Scratch()
        _ = try StageRunner.pipeline(
            corpus: Self.corpus, lexicon: Self.lexicon, work: scratch.path("work"), evidence: scratch.path("Evidence"))
        var locations: [String: Set<String>] = [:]
        for row in try readEvidence(scratch.path("Evidence")) {
            let source = try #require(row["source"] as? String)
            let location = try #require(row["location"] as? String)
            locations[source, default: []].insert(location)
            let citation = try #require(row["citation"] as? String)
            switch location {
            case "paragraph":
                let paragraph = try #require(row["paragraph"] as? Int)
                #expect(citation.hasSuffix(", paragr. \(paragraph))"), "\(citation)")
            case "page", "recorded_page": #expect(citation.contains(", p. "), "\(citation)")
            default: #expect(location == "none" && !citation.contains(", p. "))
            }
        }
        #expect(locations["notes/Notes de consultation – charge de travail et indicateurs 2022.docx"] == ["paragraph"])
        #expect(locations["notes/Note au comité – autonomie en GMF 2020.odt"] == ["recorded_page"])
        #expect(locations["Rapport d'évaluation Lean 2016.pdf"] == ["page"])
        #expect(locations["web/lean-en-santé-mentale.html"] == ["none"])
    }

    @Test func distractorsStayOutOfTheTopFive() throws {
        let scratch = try Scratch()
        _ = try StageRunner.pipeline(
            corpus: Self.corpus, lexicon: Self.lexicon, work: scratch.path("work"), evidence: scratch.path("Evidence"))
        let distractors = [
            "Amélioration continue – usine de Saint-Aurèle 2020.pdf", "web/essai-norvik-e-sentier-autonomie-hiver.html",
            "web/marathon-indicateurs-de-performance.html", "web/atelier-lean-startup.html",
        ]
        let rows = try readEvidence(scratch.path("Evidence"))
        for row in rows where (row["rank"] as? Int ?? 99) <= 5 {
            #expect(
                !distractors.contains(row["source"] as? String ?? ""), "distractor in top 5: \(row["category"] ?? "")")
        }
    }
}
