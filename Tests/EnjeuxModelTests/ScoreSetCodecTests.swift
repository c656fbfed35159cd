import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

@Suite struct ScoreSetCodecTests {
    static func randomSet(seed: UInt64) -> ScoreSet {
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
            let set = Self.randomSet(seed: seed)
            #expect(ScoreSetCodec.encode(set) == [UInt8](try JSONCoding.encode(set)), "seed \(seed)")
        }
    }

    @Test func randomSetsRoundTrip() throws {
        for seed in 0..<100 as Range<UInt64> {
            let set = Self.randomSet(seed: seed)
            #expect(try ScoreSetCodec.decode(ScoreSetCodec.encode(set)) == set, "seed \(seed)")
            let pretty = [UInt8](try JSONCoding.encode(set, pretty: true))
            #expect(try ScoreSetCodec.decode(pretty) == set, "pretty, seed \(seed)")
        }
    }

    @Test func malformedInputIsAnError() {
        let bytes = ScoreSetCodec.encode(Self.randomSet(seed: 5))
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

@Suite struct ScoreSetStreamWriterTests {
    @Test func streamedFileHasTheBytesOfTheWholeSet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for seed in 0..<20 as Range<UInt64> {
            let set = ScoreSetCodecTests.randomSet(seed: seed)
            let whole = folder.appendingPathComponent("whole-\(seed).json")
            try ScoreSetCodec.write(set, to: whole)
            let streamed = folder.appendingPathComponent("streamed-\(seed).json")
            let writer = try ScoreSetStreamWriter(
                url: streamed, lexicon: set.lexicon, categories: set.categories, documents: set.documents)
            // In uneven pieces, as the stage writes a few documents at a time.
            var rest = set.passages[...]
            var piece = 1
            while !rest.isEmpty {
                // Alternately as values and as bytes encoded beforehand (as the score stage does).
                if piece % 4 == 1 {
                    try writer.append(Array(rest.prefix(piece)))
                } else {
                    try writer.append(encoded: rest.prefix(piece).map(ScoreSetCodec.encode))
                }
                rest = rest.dropFirst(piece)
                piece += 2
            }
            try writer.finish()
            #expect(try Data(contentsOf: streamed) == (try Data(contentsOf: whole)), "seed \(seed)")
        }
    }

    @Test func anUnfinishedWriterLeavesTheOldFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("scores.json")
        let set = ScoreSetCodecTests.randomSet(seed: 3)
        try ScoreSetCodec.write(set, to: url)
        let before = try Data(contentsOf: url)
        do {
            let writer = try ScoreSetStreamWriter(
                url: url, lexicon: set.lexicon, categories: set.categories, documents: set.documents)
            try writer.append(Array(set.passages.prefix(1)))
        }
        #expect(try Data(contentsOf: url) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["scores.json"])
    }
}
