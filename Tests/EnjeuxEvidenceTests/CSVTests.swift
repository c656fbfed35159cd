import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

@testable import EnjeuxEvidence

@Suite("CSV")
struct CSVTests {
    private func body(_ csv: String) throws -> String {
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        return String(csv.unicodeScalars.dropFirst())
    }

    @Test func quotesOnlyWhenNeeded() {
        #expect(CSVText.field("simple") == "simple")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("il dit \"non\"") == "\"il dit \"\"non\"\"\"")
        #expect(CSVText.field("deux\nlignes") == "\"deux\nlignes\"")
        #expect(CSVText.field(" espace") == "\" espace\"")
        #expect(CSVText.field("") == "")
        #expect(CSVText.record(["a", "b,c"]) == "a,\"b,c\"\r\n")
    }

    @Test func roundTripsQuotesCommasAndLineBreaks() throws {
        let tricky = [
            "Il a dit \"non\", puis\r\nil est parti\n.",
            "  marge, \"citée\"  ",
            "Œuvre — 👩‍⚕️ ; fin\r",
        ]
        let documents = [Fixture.document("a", source: "dossier, \"spécial\"/a.pdf")]
        let passages = tricky.enumerated().map { offset, text in
            Fixture.passage(
                "a", offset, text, scores: ["autonomie": 0.9 - Double(offset) * 0.1], words: ["non", "marge", "Œuvre"])
        }
        let entries = EvidenceBuilder.build(Fixture.scoreSet(documents: documents, passages: passages))[0].entries
        #expect(entries.count == 3)
        let csv = EvidenceRenderer.csv(entries)
        let records = try RFC4180Reader.parse(try body(csv))
        #expect(records.first == EvidenceRenderer.csvHeader)
        #expect(Array(records.dropFirst()) == entries.map(EvidenceRenderer.csvRow))
        #expect(records.dropFirst().map { $0[3] } == tricky)
        #expect(records.dropFirst().map { $0[5] } == Array(repeating: "dossier, \"spécial\"/a.pdf", count: 3))
    }

    @Test func columnsForTheVariedSet() throws {
        let issues = EvidenceBuilder.build(Fixture.varied())
        let records = try RFC4180Reader.parse(try body(EvidenceRenderer.csv(issues[0].entries)))
        #expect(
            records[0] == [
                "rang", "score", "enjeu", "passage", "termes", "source", "page", "citation", "passage_id", "ocr",
            ])
        #expect(
            records[1] == [
                "1", "0.9", "autonomie", "L’autonomie professionnelle recule, dit-on, \"sous\" la pression.",
                "autonomie",
                "a.pdf", "iii", "(Tremblay et Roy, 2016, p. iii)", "a-0", "",
            ])
        #expect(records[2][6] == "12")
        #expect(records[2][4] == "jugement; équipes")
        #expect(records[3][6] == "4-5")
        let html = EvidenceBuilder.build(
            Fixture.scoreSet(
                documents: [Fixture.document("w", format: .html)],
                passages: [Fixture.passage("w", 0, "Texte web.", scores: ["autonomie": 0.9])]))[0].entries
        #expect(EvidenceRenderer.csvRow(html[0])[6] == "")
    }

    @Test func matchedTermsAreListedOnceInTextOrder() {
        let matches = [
            TermMatch(term: "b*", text: "Beta", start: 10, end: 14, contribution: 0.1),
            TermMatch(term: "a*", text: "alpha", start: 0, end: 5, contribution: 0.1),
            TermMatch(term: "a*", text: "Alpha", start: 20, end: 25, contribution: 0.1),
        ]
        #expect(EvidenceRenderer.matchedTerms(matches) == ["alpha", "Beta"])
    }

    @Test func allCSVHasEveryIssueInLexiconOrder() throws {
        let issues = EvidenceBuilder.build(Fixture.varied())
        let records = try RFC4180Reader.parse(try body(EvidenceRenderer.csv(issues.flatMap(\.entries))))
        #expect(
            records.dropFirst().map { "\($0[2])#\($0[0])" } == [
                "autonomie#1", "autonomie#2", "autonomie#3", "indicateurs#1", "indicateurs#2", "indicateurs#3",
            ])
    }

    @Test func readerRejectsBareLineFeeds() {
        #expect(throws: RFC4180Reader.Malformed.self) { try RFC4180Reader.parse("a,b\nc,d\r\n") }
        #expect(throws: RFC4180Reader.Malformed.self) { try RFC4180Reader.parse("a,\"b\"x\r\n") }
    }
}
