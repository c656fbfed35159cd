import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

@testable import EnjeuxText

/// Passages cut block by block as a huge document is read (issue 24): the same as from the
/// whole document.
@Suite struct PassageStreamTests {
    @Test func blockByBlockGivesTheSamePassagesAsTheWholeDocument() {
        let unfinished = "Les équipes de première ligne décrivent une charge qui ne cesse de croître et"
        let pages = [
            Page(
                number: 1, label: "i",
                blocks: [
                    Block(kind: .heading, text: "Constats", level: 1),
                    Block(kind: .paragraph, text: "Le Lean arrive au CIUSSS. Les équipes résistent."),
                    Block(kind: .navigation, text: "Constats . . . . . . 1"),
                    Block(kind: .paragraph, text: unfinished),
                ]),
            Page(
                number: 2, label: "ii",
                blocks: [
                    Block(kind: .paragraph, text: "qui pèse sur leur autonomie professionnelle."),
                    Block(kind: .listItem, text: "• réduire les délais"),
                ]),
            Page(number: 3, blocks: [Block(kind: .heading, text: "Pistes", level: 1)]),
            Page(number: 4, blocks: [Block(kind: .paragraph, text: "une suite en minuscules sans rien avant.")]),
        ]
        let document = ExtractedDocument(
            id: "doc", source: "doc.pdf", sha256: String(repeating: "cd", count: 32), byteCount: 10, format: .pdf,
            content: ExtractedContent(metadata: DocumentMetadata(), pages: pages))
        let builder = PassageBuilder()
        let whole = builder.passages(of: document)
        var streamed: [Passage] = []
        var stream = PassageStream(builder: builder, sha256: document.sha256)
        for page in pages {
            var outline = page
            outline.blocks = []
            for (position, block) in page.blocks.enumerated() {
                stream.add(block, position: position, page: outline) { streamed.append($0) }
            }
        }
        stream.finish { streamed.append($0) }
        #expect(streamed == whole)
        #expect(stream.count == whole.count)
        // The paragraph cut at the foot of page 1 goes on at the top of page 2.
        #expect(whole.contains { $0.page == 1 && $0.endPage == 2 && $0.endPageLabel == "ii" })
    }
}

/// The reading text of the REFI-QDA sources read block by block from the extracted file: the
/// same as from the whole document, a paragraph over a page break joined by a space.
@Suite struct ReadingTextStreamTests {
    @Test func blockByBlockGivesTheSameTextAsTheWholeDocument() throws {
        let pages = [
            Page(
                number: 1,
                blocks: [
                    Block(kind: .heading, text: "Constats", level: 1),
                    Block(kind: .paragraph, text: ""),
                    Block(kind: .paragraph, text: "La charge ne cesse de croître et"),
                ]),
            Page(
                number: 2,
                blocks: [
                    Block(kind: .paragraph, text: "pèse sur l’autonomie.\r\nFin de ligne Windows."),
                    Block(kind: .listItem, text: "• réduire les délais"),
                ]),
        ]
        let document = ExtractedDocument(
            id: "doc", source: "doc.pdf", sha256: String(repeating: "ab", count: 32), byteCount: 10, format: .pdf,
            content: ExtractedContent(metadata: DocumentMetadata(), pages: pages))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "enjeux-reading-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        var writer = JSONWriter()
        document.write(to: &writer)
        try Data(writer.bytes).write(to: url)
        let whole = ReadingText.text(of: document)
        #expect(try ReadingText.text(jsonFile: url) == whole)
        #expect(
            whole
                == "Constats\n\nLa charge ne cesse de croître et pèse sur l’autonomie.\nFin de ligne Windows.\n\n• réduire les délais"
        )
    }

    /// Line endings become LF as if the whole text had been converted at once: CR LF is one
    /// LF, a lone CR is one, and a CR ending a block takes the LF of the separator after it.
    @Test func lineEndingsAreConvertedAcrossBlocks() {
        let blocks = ["Ligne un\r\nLigne deux\rLigne trois\r", "Suite\r\r\n", "Fin"]
        let document = ExtractedDocument(
            id: "doc", source: "doc.html", sha256: String(repeating: "ab", count: 32), byteCount: 10, format: .html,
            content: ExtractedContent(
                metadata: DocumentMetadata(),
                pages: [Page(number: 1, blocks: blocks.map { Block(kind: .paragraph, text: $0) })]))
        let joined = blocks.joined(separator: "\n\n")
        let converted = joined.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        #expect(ReadingText.text(of: document) == converted)
        #expect(converted == "Ligne un\nLigne deux\nLigne trois\n\nSuite\n\n\n\nFin")
    }
}
