import EnjeuxModel
import EnjeuxSupport
import Foundation
import Testing

/// The streaming paths of `scores.json` beside `StoredFormatTests`: writing passage by passage,
/// and trimming passages while reading.
@Suite struct ScoreSetStreamTests {
    @Test func streamedFileHasTheBytesOfTheWholeSet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for seed in 0..<20 as Range<UInt64> {
            let set = RandomDocuments.scoreSet(seed: seed)
            let whole = folder.appendingPathComponent("whole-\(seed).json")
            try set.writeJSON(to: whole)
            let streamed = folder.appendingPathComponent("streamed-\(seed).json")
            let writer = try ScoreSetStreamWriter(
                url: streamed, lexicon: set.lexicon, categories: set.categories, documents: set.documents)
            // In uneven pieces, as the stage writes a few documents at a time.
            var rest = set.passages[...]
            var piece = 1
            while !rest.isEmpty {
                // As values, as bytes encoded beforehand one by one, or as lists (as the score stage does).
                switch piece % 3 {
                case 0: try writer.append(Array(rest.prefix(piece)))
                case 1: try writer.append(encoded: rest.prefix(piece).map { $0.jsonBytes() })
                default: try writer.append(encodedList: ScoreSetStreamWriter.encodeList(Array(rest.prefix(piece))))
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
        let set = RandomDocuments.scoreSet(seed: 3)
        try set.writeJSON(to: url)
        let before = try Data(contentsOf: url)
        do {
            let writer = try ScoreSetStreamWriter(
                url: url, lexicon: set.lexicon, categories: set.categories, documents: set.documents)
            try writer.append(Array(set.passages.prefix(1)))
        }
        #expect(try Data(contentsOf: url) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["scores.json"])
    }

    @Test func passagesCanBeTrimmedAndDroppedWhileRead() throws {
        let set = RandomDocuments.scoreSet(seed: 11)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scores-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try set.writeJSON(to: url)
        let (read, count) = try ScoreSet.read(jsonFile: url) { passage in
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
        #expect(throws: FileReadError.self) {
            _ = try ScoreSet.read(jsonFile: URL(fileURLWithPath: "/nonexistent/scores.json")) { _ in true }
        }
    }
}
