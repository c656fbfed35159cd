import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxEvidence

/// Issue 20: a passage read by OCR is flagged in every evidence file; others are unchanged.
@Suite("OCR flag") struct OCRFlagTests {
    static let flag = "texte reconnu par OCR, confiance 91\u{202F}% — vérifier la citation"

    /// A scan whose pages 2 and 3 were read by OCR (91.4 and 78.0), and a born-digital PDF.
    static func issues() -> [IssueEvidence] {
        var scan = Fixture.document("scan", source: "numérisé.pdf")
        scan.ocrPages = [OCRPageConfidence(page: 2, confidence: 91.4), OCRPageConfidence(page: 3, confidence: 78)]
        let passages = [
            Fixture.passage("scan", 0, "L’autonomie recule sur la page deux.", scores: ["autonomie": 0.9], page: 2),
            Fixture.passage(
                "scan", 1, "L’autonomie recule entre deux pages.", scores: ["autonomie": 0.8], page: 2, endPage: 3),
            Fixture.passage("scan", 2, "L’autonomie recule en page un.", scores: ["autonomie": 0.7], page: 1),
            Fixture.passage("born", 0, "L’autonomie recule ailleurs.", scores: ["autonomie": 0.6]),
        ]
        return EvidenceBuilder.build(
            Fixture.scoreSet(documents: [scan, Fixture.document("born")], passages: passages))
    }

    @Test func confidenceIsThePassagePagesLowest() throws {
        let entries = try #require(Self.issues().first).entries
        #expect(entries.map(\.ocrConfidence) == [91.4, 78, nil, nil])
        #expect(OCRFlag.text(confidence: 91.4) == Self.flag)
    }

    @Test func everyOutputFlagsOnlyOCRPassages() throws {
        let issues = Self.issues()
        let entries = try #require(issues.first).entries

        let lines = EvidenceRenderer.jsonl(issues).split(separator: "\n")
        let objects = try lines.map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects[0]["ocr"] as? String == Self.flag)
        #expect((objects[0]["ocr_confidence"] as? Double).map { abs($0 - 91.4) < 0.001 } == true)
        #expect(objects[2]["ocr"] == nil && objects[2]["ocr_confidence"] == nil)

        let rows = entries.map(EvidenceRenderer.csvRow)
        #expect(rows.map(\.last) == [Self.flag, OCRFlag.text(confidence: 78), "", ""])

        let markdown = EvidenceRenderer.markdown(issue: try #require(issues.first))
        #expect(markdown.components(separatedBy: "- OCR\u{00A0}: texte reconnu par OCR").count == 3)

        let first = EvidencePagePassage.article(entries[0], panelID: "p", link: nil)
        #expect(first.contains("<p class=\"a-verifier ocr\">\(Self.flag)</p>"))
        let born = EvidencePagePassage.article(entries[3], panelID: "p", link: nil)
        #expect(!born.contains("OCR"))

        let cells = EvidenceWorkbook.row(entries[0])
        #expect(cells.last == .text(Self.flag))
        #expect(EvidenceWorkbook.row(entries[3]).last == .empty)
    }
}
