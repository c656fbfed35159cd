import EnjeuxModel
import Testing

@testable import EnjeuxEvidence

/// Which documents may have their passages listed: strong evidence, or most passages above
/// the threshold; a long document with a weak word here and there is left out and reported.
struct DocumentEvidenceTests {
    private func manualAndReport() -> ScoreSet {
        var manual = Fixture.document("manuel", source: "debian/manuel.pdf")
        manual.passageCount = 400
        var notice = Fixture.document("avis", source: "avis.html", format: .html)
        notice.passageCount = 2
        var report = Fixture.document("rapport", source: "rapport.pdf")
        report.passageCount = 60
        let passages =
            (0..<12).map {
                Fixture.passage("manuel", $0, "Paquet \($0) en attente de compression.", scores: ["autonomie": 2.2])
            }
            + [Fixture.passage("avis", 0, "Les délais d’attente s’allongent au CLSC.", scores: ["autonomie": 3.1])]
            + (0..<4).map {
                Fixture.passage(
                    "rapport", $0, "Les listes d’attente et les délais d’accès \($0).",
                    scores: ["autonomie": 24.0 - Double($0)])
            }
        return Fixture.scoreSet(documents: [manual, notice, report], passages: passages)
    }

    @Test func weakWordsInALongDocumentAreNotEvidence() {
        let set = manualAndReport()
        let evidence = Ranker().documentEvidence(set)
        #expect(!evidence.isEvidence("manuel"))
        #expect(evidence.isEvidence("avis"))
        #expect(evidence.isEvidence("rapport"))
        #expect(evidence.strength(of: "rapport") == 23)
        #expect(evidence.leftOut.map(\.document) == ["manuel"])
        let listed = Ranker().rank(set)[0].passages.map(\.passage.documentId)
        #expect(Set(listed) == ["avis", "rapport"])
    }

    @Test func levelZeroListsEveryDocument() {
        let options = EvidenceOptions(documentEvidenceLevel: 0)
        let listed = Ranker(options: options).rank(manualAndReport())[0].passages
        #expect(listed.contains { $0.passage.documentId == "manuel" })
    }

    @Test func runSummaryNamesTheDocumentsLeftOut() {
        let set = manualAndReport()
        let left = RunLeftOutDocument.list(Ranker().documentEvidence(set), scoreSet: set)
        #expect(left == [RunLeftOutDocument(source: "debian/manuel.pdf", strength: 2.2, share: 0.03)])
        var report = Fixture.report()
        report.leftOutDocuments = left
        report.ranking = EvidenceOptions()
        let markdown = RunSummaryRenderer.markdown(report)
        #expect(markdown.contains("1 document écarté, trop peu de preuves"))
        #expect(markdown.contains("debian/manuel.pdf (2,2)"))
    }
}
