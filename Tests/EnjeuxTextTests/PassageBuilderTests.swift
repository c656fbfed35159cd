import EnjeuxModel
import EnjeuxSupport
import Testing

@testable import EnjeuxText

@Suite("Passage builder")
struct PassageBuilderTests {
    func document(_ pages: [Page]) -> ExtractedDocument {
        ExtractedDocument(
            id: "doc", source: "doc.pdf", sha256: String(repeating: "ab", count: 32), byteCount: 10, format: .pdf,
            content: ExtractedContent(metadata: DocumentMetadata(), pages: pages))
    }

    func sentence(_ words: Int, _ tag: String) -> String {
        (0..<words).map { $0 == 0 ? tag.capitalized : "mot" }.joined(separator: " ") + "."
    }

    @Test("passages carry heading, page, label, kind, verbatim text and an id from hash, index and text")
    func fields() throws {
        let doc = document([
            Page(
                number: 1, label: "iv",
                blocks: [
                    Block(kind: .heading, text: "1. Le Lean en santé", level: 1),
                    Block(kind: .paragraph, text: "Le Lean arrive au CIUSSS. Les équipes résistent."),
                    Block(kind: .listItem, text: "• réduire les délais"),
                ])
        ])
        let passages = PassageBuilder().passages(of: doc)
        #expect(passages.count == 2)
        let first = try #require(passages.first)
        #expect(first.text == "Le Lean arrive au CIUSSS. Les équipes résistent.")
        #expect(first.heading == "1. Le Lean en santé")
        #expect(first.page == 1 && first.pageLabel == "iv" && first.endPage == nil)
        #expect(first.blockKind == .paragraph)
        #expect(first.index == 0 && passages[1].index == 1)
        #expect(passages[1].blockKind == .listItem)
        let expectedID = String(SHA256.hex(of: "\(doc.sha256):0:\(first.text)").prefix(16))
        #expect(first.id == expectedID)
        for passage in passages {
            #expect(doc.pages[0].plainText.contains(passage.text))
            for token in passage.tokens {
                #expect(passage.text.scalarSlice(token.start, token.end).isEmpty == false)
            }
        }
        #expect(first.tokens.first?.start == 0)
    }

    @Test("sentences are grouped up to the word bound; headings are not passages")
    func grouping() {
        let text = [sentence(30, "un"), sentence(30, "deux"), sentence(30, "trois"), sentence(100, "long")]
            .joined(separator: " ")
        let doc = document([Page(number: 1, blocks: [Block(kind: .paragraph, text: text)])])
        let passages = PassageBuilder(options: PassageOptions(maxWords: 80)).passages(of: doc)
        #expect(passages.count == 3)
        #expect(passages.map { $0.text.hasPrefix("Un") } == [true, false, false])
        #expect(passages[1].text.hasPrefix("Trois"))
        #expect(passages[2].text.hasPrefix("Long"))
        #expect(passages.allSatisfy { $0.heading == nil })
    }

    @Test("a sentence beyond three times the bound is cut at word boundaries")
    func hugeSentence() {
        let doc = document([Page(number: 1, blocks: [Block(kind: .paragraph, text: sentence(250, "énorme"))])])
        let passages = PassageBuilder(options: PassageOptions(maxWords: 80)).passages(of: doc)
        #expect(passages.count == 4)
        for passage in passages {
            #expect(passage.tokens.filter { $0.kind == .word }.count <= 80)
        }
        #expect(passages.map(\.text).joined(separator: " ") == sentence(250, "énorme"))
    }

    @Test("a reused session gives the same passages; a session with other options is replaced")
    func sessions() {
        let doc = document([
            Page(number: 1, blocks: [Block(kind: .paragraph, text: "Évaluation des pratiques. Les équipes résistent.")])
        ])
        let builder = PassageBuilder()
        var session = builder.analyzer.makeSession()
        let first = builder.passages(of: doc, session: &session)
        #expect(builder.passages(of: doc, session: &session) == first)
        #expect(first == builder.passages(of: doc))
        var foreign = FrenchAnalyzer(options: AnalyzerOptions(foldCase: false)).makeSession()
        #expect(builder.passages(of: doc, session: &foreign) == first)
        #expect(foreign.options == builder.analyzer.options)
    }

    @Test("passages never cross blocks or headings")
    func blocks() {
        let doc = document([
            Page(
                number: 1,
                blocks: [
                    Block(kind: .paragraph, text: "Premier bloc."),
                    Block(kind: .heading, text: "Titre", level: 2),
                    Block(kind: .paragraph, text: "Second bloc."),
                ])
        ])
        let passages = PassageBuilder().passages(of: doc)
        #expect(passages.map(\.text) == ["Premier bloc.", "Second bloc."])
        #expect(passages.map(\.heading) == [nil, "Titre"])
    }

    @Test("an unfinished paragraph continued in lowercase on the next page is joined")
    func pageJoin() throws {
        let doc = document([
            Page(
                number: 3, label: "3", blocks: [Block(kind: .paragraph, text: "La charge de travail des intervenantes")]
            ),
            Page(
                number: 4, label: "4",
                blocks: [
                    Block(kind: .paragraph, text: "augmente avec le Lean. Les cadres le savent."),
                    Block(kind: .paragraph, text: "Autre paragraphe."),
                ]),
        ])
        let passages = PassageBuilder().passages(of: doc)
        #expect(passages.count == 2)
        let joined = try #require(passages.first)
        #expect(joined.text == "La charge de travail des intervenantes augmente avec le Lean. Les cadres le savent.")
        #expect(joined.page == 3 && joined.endPage == 4 && joined.pageLabel == "3" && joined.endPageLabel == "4")
        #expect(passages[1].page == 4 && passages[1].endPage == nil)

        let finished = document([
            Page(number: 1, blocks: [Block(kind: .paragraph, text: "Une phrase finie.")]),
            Page(number: 2, blocks: [Block(kind: .paragraph, text: "suite en minuscule.")]),
        ])
        #expect(PassageBuilder().passages(of: finished).map(\.page) == [1, 2])
    }
}
