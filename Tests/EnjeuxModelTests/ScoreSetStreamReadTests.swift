import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

@Suite struct ScoreSetStreamReadTests {
    static func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scores-\(UUID().uuidString).json")
        try Data(bytes).write(to: url)
        return url
    }

    @Test func readingPieceByPieceGivesTheWholeSet() throws {
        for seed in 0..<40 as Range<UInt64> {
            let set = ScoreSetCodecTests.randomSet(seed: seed)
            for bytes in [ScoreSetCodec.encode(set), [UInt8](try JSONCoding.encode(set, pretty: true))] {
                let url = try Self.file(bytes)
                defer { try? FileManager.default.removeItem(at: url) }
                let (read, count) = try ScoreSetCodec.read(from: url) { _ in true }
                #expect(read == set, "seed \(seed)")
                #expect(count == set.passages.count)
            }
        }
    }

    @Test func passagesCanBeTrimmedAndDropped() throws {
        let set = ScoreSetCodecTests.randomSet(seed: 11)
        let url = try Self.file(ScoreSetCodec.encode(set))
        defer { try? FileManager.default.removeItem(at: url) }
        let (read, count) = try ScoreSetCodec.read(from: url) { passage in
            passage.scores.removeAll { $0.score <= 10 }
            return !passage.scores.isEmpty
        }
        var expected = set
        expected.passages = set.passages.compactMap { passage in
            var passage = passage
            passage.scores.removeAll { $0.score <= 10 }
            return passage.scores.isEmpty ? nil : passage
        }
        #expect(read == expected)
        #expect(count == set.passages.count)
    }

    @Test func malformedFilesAreErrors() throws {
        let bytes = ScoreSetCodec.encode(ScoreSetCodecTests.randomSet(seed: 5))
        for length in stride(from: 0, to: bytes.count, by: 97) {
            let url = try Self.file(Array(bytes[..<length]))
            defer { try? FileManager.default.removeItem(at: url) }
            #expect(throws: (any Error).self) { _ = try ScoreSetCodec.read(from: url) { _ in true } }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        for broken in [text + "x", text.replacingOccurrences(of: #""schema":1"#, with: ""), "[]", "{\"passages\":{}}"] {
            let url = try Self.file(Array(broken.utf8))
            defer { try? FileManager.default.removeItem(at: url) }
            #expect(throws: (any Error).self) { _ = try ScoreSetCodec.read(from: url) { _ in true } }
        }
        #expect(throws: FileReadError.self) {
            _ = try ScoreSetCodec.read(from: URL(fileURLWithPath: "/nonexistent/scores.json")) { _ in true }
        }
    }
}
