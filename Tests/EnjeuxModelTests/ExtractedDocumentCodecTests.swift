import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

@Suite struct ExtractedDocumentCodecTests {
    static func randomDocument(seed: UInt64) -> ExtractedDocument {
        var generator = SeededGenerator(seed: seed)
        let kinds: [BlockKind] = [.heading, .paragraph, .listItem, .tableCell, .footnote, .quote, .caption]
        let pages = (0..<Int.random(in: 0...4, using: &generator)).map { index in
            Page(
                number: index + 1,
                label: Bool.random(using: &generator) ? RandomDocuments.string(&generator) : nil,
                blocks: (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                    let kind = kinds.randomElement(using: &generator) ?? .paragraph
                    return Block(
                        kind: kind, text: RandomDocuments.string(&generator),
                        level: kind == .heading ? Int.random(in: 1...6, using: &generator) : nil)
                })
        }
        return ExtractedDocument(
            id: "doc-\(seed)", source: "dossier/l’été \(seed).html", sha256: String(repeating: "a", count: 64),
            byteCount: Int.random(in: 0...1_000_000, using: &generator),
            format: Bool.random(using: &generator) ? .pdf : .html,
            content: ExtractedContent(
                metadata: RandomDocuments.metadata(&generator), pages: pages,
                warnings: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                    RandomDocuments.string(&generator)
                }))
    }

    @Test func bytesAreThoseOfTheProjectEncoder() throws {
        for seed in 0..<100 as Range<UInt64> {
            let document = Self.randomDocument(seed: seed)
            #expect(ExtractedDocumentCodec.encode(document) == [UInt8](try JSONCoding.encode(document)), "seed \(seed)")
        }
    }

    @Test func randomDocumentsRoundTrip() throws {
        for seed in 0..<100 as Range<UInt64> {
            let document = Self.randomDocument(seed: seed)
            #expect(try ExtractedDocumentCodec.decode(ExtractedDocumentCodec.encode(document)) == document)
            let pretty = [UInt8](try JSONCoding.encode(document, pretty: true))
            #expect(try ExtractedDocumentCodec.decode(pretty) == document, "pretty, seed \(seed)")
        }
    }

    @Test func fileWrittenIsReadBack() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("extracted-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let document = Self.randomDocument(seed: 7)
        try ExtractedDocumentCodec.write(document, to: url)
        #expect(try ExtractedDocumentCodec.read(from: url) == document)
        #expect(try JSONCoding.read(ExtractedDocument.self, from: url) == document)
    }

    @Test func malformedInputIsAnError() {
        let seed = (0..<100 as Range<UInt64>).first {
            Self.randomDocument(seed: $0).pages.contains { !$0.blocks.isEmpty }
        }
        let bytes = ExtractedDocumentCodec.encode(Self.randomDocument(seed: seed ?? 0))
        for length in stride(from: 0, to: bytes.count, by: 5) {
            #expect(throws: JSONReadError.self) { try ExtractedDocumentCodec.decode(Array(bytes[..<length])) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for broken in [
            text.replacingOccurrences(of: #""schema":1,"#, with: ""),
            text.replacingOccurrences(of: #""format":""#, with: #""format":"docx","x":""#),
            text.replacingOccurrences(of: #""number":"#, with: #""n":"#),
            text.replacingOccurrences(of: #""kind":""#, with: #""kind":"chapter","k":""#),
        ] {
            #expect(broken != text)
            #expect(throws: JSONReadError.self) { try ExtractedDocumentCodec.decode(Array(broken.utf8)) }
        }
    }
}
