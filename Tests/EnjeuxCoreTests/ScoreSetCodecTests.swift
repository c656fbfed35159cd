import EnjeuxCore
import Foundation
import Testing

@Suite struct ScoreSetCodecTests {
    private func randomSet(seed: UInt64) -> ScoreSet {
        var generator = SeededGenerator(seed: seed)
        let document = RandomDocuments.document(seed: seed)
        let passages = document.passages.map { passage in
            let scores = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                CategoryScore(
                    category: RandomDocuments.string(&generator),
                    score: (Double.random(in: 0..<40, using: &generator) * 10_000).rounded() / 10_000,
                    matches: (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                        TermMatch(
                            term: RandomDocuments.string(&generator), text: RandomDocuments.string(&generator),
                            start: Int.random(in: 0...99, using: &generator), end: 100,
                            contribution: (Double.random(in: 0..<5, using: &generator) * 10_000).rounded() / 10_000)
                    })
            }
            return ScoredPassage(documentId: document.id, passage: passage, scores: scores)
        }
        let summary = DocumentSummary(
            id: document.id, source: document.source, sha256: document.sha256, format: document.format,
            metadata: document.metadata, pageCount: document.pageCount, passageCount: passages.count,
            warnings: document.warnings)
        return ScoreSet(
            lexicon: LexiconInfo(
                path: RandomDocuments.string(&generator), sha256: "ab", name: RandomDocuments.string(&generator),
                version: "1"),
            categories: [CategoryInfo(id: "a", label: RandomDocuments.string(&generator), description: "d\n\"x\"")],
            documents: [summary], passages: passages)
    }

    @Test func bytesAreThoseOfTheProjectEncoder() throws {
        for seed in 0..<100 as Range<UInt64> {
            let set = randomSet(seed: seed)
            #expect(ScoreSetCodec.encode(set) == [UInt8](try JSONCoding.encode(set)), "seed \(seed)")
        }
    }

    @Test func randomSetsRoundTrip() throws {
        for seed in 0..<100 as Range<UInt64> {
            let set = randomSet(seed: seed)
            #expect(try ScoreSetCodec.decode(ScoreSetCodec.encode(set)) == set, "seed \(seed)")
            let pretty = [UInt8](try JSONCoding.encode(set, pretty: true))
            #expect(try ScoreSetCodec.decode(pretty) == set, "pretty, seed \(seed)")
        }
    }

    @Test func malformedInputIsAnError() {
        let bytes = ScoreSetCodec.encode(randomSet(seed: 5))
        for length in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: JSONReadError.self) { try ScoreSetCodec.decode(Array(bytes[..<length])) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for broken in [
            text.replacingOccurrences(of: #""schema":1"#, with: ""),
            text.replacingOccurrences(of: #""contribution":"#, with: #""contribution":"x","c":"#),
        ] {
            #expect(throws: JSONReadError.self) { try ScoreSetCodec.decode(Array(broken.utf8)) }
        }
    }
}
