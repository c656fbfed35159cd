import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxEvidence

@Suite("JSON Lines")
struct JSONLinesTests {
    @Test func exactBytesOfOneEntry() {
        let entry = EvidenceEntry(
            category: "autonomie", label: "Autonomie professionnelle", rank: 1, score: 0.123456, source: "a.pdf",
            documentId: "a", location: PageLocation(page: 3, endPage: 3, isPaged: true), passageId: "a-0", heading: nil,
            text: "Tab\there \"q\" é/𝄞\u{1}",
            matches: [TermMatch(term: "q*", text: "q", start: 10, end: 11, contribution: 1)],
            citation: Citation(inText: "(X, 2016, p. 3)", reference: "X (2016). T.", needsCheck: false),
            alsoIn: [DuplicateSource(source: "b.pdf", documentId: "b", page: 2, passageId: "b-4")])
        let expected =
            #"{"also_in":[{"page":2,"passage_id":"b-4","source":"b.pdf"}],"category":"autonomie","#
            + #""citation":"(X, 2016, p. 3)","citation_needs_check":false,"document_id":"a","end_page":null,"#
            + #""heading":null,"label":"Autonomie professionnelle","location":"page","#
            + #""matches":[{"contribution":1.0,"end":11,"start":10,"term":"q*","text":"q"}],"page":3,"#
            + #""page_label":null,"pages":"3","paragraph":null,"passage_id":"a-0","rank":1,"reference":"X (2016). T.","score":0.1235,"#
            + #""source":"a.pdf","text":"Tab\there \"q\" é/𝄞\u0001"}"#
        #expect(EvidenceRenderer.jsonLine(entry) == expected)
    }

    @Test func everyLineParsesAndFollowsIssueThenRankOrder() throws {
        let jsonl = EvidenceRenderer.jsonl(EvidenceBuilder.build(Fixture.varied()))
        #expect(jsonl.hasSuffix("}\n"))
        let lines = jsonl.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let objects = try lines.map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(
            objects.map { "\($0["category"] ?? "")#\($0["rank"] ?? "")" } == [
                "autonomie#1", "autonomie#2", "autonomie#3", "indicateurs#1", "indicateurs#2", "indicateurs#3",
            ])
        let spanning = try #require(objects.first { ($0["passage_id"] as? String) == "a-1" })
        #expect(spanning["end_page"] as? Int == 5)
        #expect(spanning["page_label"] is NSNull)
        #expect(spanning["pages"] as? String == "4-5")
        let first = objects[0]
        #expect(first["page_label"] as? String == "iii")
        #expect(first["pages"] as? String == "iii")
        #expect(first["citation_needs_check"] as? Bool == false)
        let alsoIn = try #require(first["also_in"] as? [[String: Any]])
        #expect(alsoIn.count == 1)
        #expect(alsoIn.first?["source"] as? String == "b.html")
        let keys = Set(first.keys)
        #expect(
            keys == [
                "category", "label", "rank", "score", "source", "document_id", "page", "end_page", "page_label",
                "pages",
                "passage_id", "heading", "text", "matches", "citation", "reference", "citation_needs_check", "also_in",
                "location", "paragraph",
            ])
    }

    /// A passage of a Word file that records no pages is cited by its paragraph, and says so.
    @Test func paragraphLocation() throws {
        let location = PageLocation(page: 1, paragraph: 12, kind: .paragraph)
        #expect(location.citationText == "paragr. 12")
        #expect(location.pages == nil)
        #expect(location.note?.contains("paragraphe") == true)
        let entry = EvidenceEntry(
            category: "autonomie", label: "Autonomie", rank: 1, score: 1, source: "note.docx", documentId: "n",
            location: location, passageId: "n-0", heading: nil, text: "Texte.", matches: [],
            citation: Citation.make(
                document: DocumentSummary(
                    id: "n", source: "note.docx", sha256: "", format: .docx,
                    metadata: DocumentMetadata(title: "Note", authors: ["Marie Tremblay"], date: "2021"), pageCount: 1,
                    passageCount: 1, warnings: []), source: "note.docx", location: location),
            alsoIn: [])
        #expect(entry.citation.inText == "(Tremblay, 2021, paragr. 12)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(EvidenceRenderer.jsonLine(entry).utf8)) as? [String: Any])
        #expect(object["location"] as? String == "paragraph")
        #expect(object["paragraph"] as? Int == 12)
        #expect(EvidenceRenderer.csvRow(entry)[6] == "paragr. 12")
        #expect(EvidenceRenderer.markdownBlock(entry).contains("note.docx, paragr. 12 (paragraphe"))
        let recorded = PageLocation(page: 3, kind: .recordedPage)
        #expect(recorded.citationText == "p. 3")
        #expect(recorded.note == "page telle que le fichier l\u{2019}enregistre")
    }

    @Test(arguments: [
        (0.5, "0.5"), (2.0, "2.0"), (0.99999, "1.0"), (-0.25, "-0.25"), (0.00004, "0.0"), (-0.00004, "0.0"),
        (12345.6789, "12345.6789"), (1.0 / 3.0, "0.3333"), (0.1 + 0.2, "0.3"),
    ])
    func decimals(value: Double, expected: String) {
        #expect(DecimalText.fixed(value, decimals: 4, decimalSeparator: ".") == expected)
    }

    @Test func nonFiniteNumbersAreNull() {
        #expect(DecimalText.fixed(.nan, decimals: 4, decimalSeparator: ".") == nil)
        #expect(JSONText.number(.infinity).serialized == "null")
    }
}
