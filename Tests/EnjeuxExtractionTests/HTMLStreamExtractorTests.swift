import EnjeuxModel
import Foundation
import Testing

@testable import EnjeuxExtraction
@testable import LibXMLKit

/// A web page read by pieces and analysed by segments (issue 24: a 200 MB page), set against
/// the same page read whole.
@Suite struct HTMLStreamExtractorTests {
    /// A page with a header and a menu, `sections` sections of distinct paragraphs and a footer.
    static func page(sections: Int) -> String {
        var html = """
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Rapport d’activité</title>\
            <meta name="author" content="Claire Dubois"></head><body>
            <header><nav><ul><li><a href="/">Accueil</a></li><li><a href="/a">Actualités</a></li>\
            <li><a href="/c">Contact</a></li></ul></nav></header><main><article><h1>Rapport d’activité</h1>
            """
        for section in 0..<sections {
            html += "<section><h2>Partie \(section + 1)</h2>"
            for paragraph in 0..<6 {
                html += "<p>Dans la partie \(section + 1), le paragraphe \(paragraph + 1) décrit l’autonomie "
                html += "des équipes éducatives, la charge de travail et la reconnaissance du métier "
                html += "(entretien n° \(section * 6 + paragraph + 1)), avec des mots accentués : éçàù.</p>"
            }
            html += "</section>\n"
        }
        html += "</article></main><footer><p>© Association, mentions légales</p></footer></body></html>\n"
        return html
    }

    func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-stream-\(UUID()).html")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func segmentsGiveTheParagraphsOfTheWholePage() throws {
        let html = Self.page(sections: 40)
        let url = try file(html)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = try HTMLExtractor().extract(data: Data(html.utf8))
        var streamed = ExtractedContent(metadata: DocumentMetadata(), pages: [])
        // About three sections per segment: a dozen segments.
        let warnings = try HTMLStreamExtractor(segmentTextBytes: 2_000).extract(fileAt: url, into: &streamed)
        #expect(warnings.isEmpty)
        #expect(streamed.pages.count == 1)
        let wholeTexts = whole.pages[0].blocks.map(\.text)
        let streamedTexts = streamed.pages[0].blocks.map(\.text)
        let paragraphs = wholeTexts.filter { $0.hasPrefix("Dans la partie") }
        #expect(paragraphs.count == 240)
        #expect(streamedTexts.filter { $0.hasPrefix("Dans la partie") } == paragraphs)
        #expect(streamedTexts.filter { $0.hasPrefix("Partie ") }.count == 40)
        #expect(!streamedTexts.contains { $0.contains("Actualités") })
        #expect(streamed.metadata.title == whole.metadata.title)
        #expect(streamed.metadata.authors == whole.metadata.authors)
    }

    @Test func onePieceGivesWhatTheWholePageGives() throws {
        let html = Self.page(sections: 3)
        let url = try file(html)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = try HTMLExtractor().extract(data: Data(html.utf8))
        var streamed = ExtractedContent(metadata: DocumentMetadata(), pages: [])
        _ = try HTMLStreamExtractor().extract(fileAt: url, into: &streamed)
        #expect(streamed.pages == whole.pages)
        #expect(streamed.metadata == whole.metadata)
    }

    @Test func aPageWithoutTextSaysSoAndAnEmptyFileFails() throws {
        let url = try file("<html><body><nav><a href=/>Accueil</a></nav></body></html>")
        defer { try? FileManager.default.removeItem(at: url) }
        var content = ExtractedContent(metadata: DocumentMetadata(), pages: [])
        let warnings = try HTMLStreamExtractor().extract(fileAt: url, into: &content)
        #expect(warnings.contains(.noMainContent))
        #expect(content.pages.count == 1)
        let empty = try file("")
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: ExtractionFailure.emptyFile) {
            var sink = ExtractedContent(metadata: DocumentMetadata(), pages: [])
            _ = try HTMLStreamExtractor().extract(fileAt: empty, into: &sink)
        }
    }

    @Test func charactersCutBetweenPiecesAreWholeAgain() {
        let text = Array("Éducatrice spécialisée ✓ 𝄞 fin".utf8)
        for cut in 1..<text.count {
            var pieces = UTF8Pieces()
            var out = pieces.next(Data(text[..<cut]))
            out += pieces.next(Data(text[cut...]))
            out += pieces.finish()
            #expect(out == text, "cut at \(cut)")
        }
    }

    @Test func invalidBytesAndNULBecomeReplacementCharacters() {
        var pieces = UTF8Pieces()
        var out = pieces.next(Data([0x61, 0x00, 0x62, 0xFF, 0x63, 0xC3]))
        out += pieces.finish()
        #expect(String(decoding: out, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }

    @Test func segmentsEndBetweenBlocksNeverInsideAParagraph() throws {
        let parser = try HTMLPushParser(segmentTextBytes: 100)
        var html = "<html><body><div>"
        for index in 0..<50 { html += "<p>Paragraphe \(index) avec <b>du gras</b> et <i>de l’italique</i>.</p>" }
        html += "</div></body></html>"
        let bytes = Array(html.utf8)
        var segments: [HTMLParseResult] = []
        // Pieces of 7 bytes: tags and characters are cut.
        var start = 0
        while start < bytes.count {
            let end = min(start + 7, bytes.count)
            segments += bytes[start..<end].withUnsafeBufferPointer { parser.feed($0) }
            start = end
        }
        segments += parser.finish()
        #expect(segments.count > 5)
        var paragraphs: [String] = []
        for segment in segments {
            for index in segment.tree.elements(named: "p") { paragraphs.append(segment.tree.rawText(of: index)) }
        }
        #expect(paragraphs == (0..<50).map { "Paragraphe \($0) avec du gras et de l’italique." })
    }
}
