import Foundation
import Testing

@testable import EnjeuxModel
@testable import EnjeuxSupport

@Suite struct TokenColumnsFileTests {
    /// Passages and columns as the JSON passage file gives them.
    func fromJSON(_ document: TokenizedDocument) throws -> [Passage] {
        var passages: [Passage] = []
        _ = try TokenizedDocument.read(jsonBytes: document.jsonBytes()) {
            passage, columns, table in
            passages.append(PassageFileTests.rebuilt(passage, columns, table))
        }
        return passages
    }

    @Test func givesTheSamePassagesAsThePassageFile() throws {
        for seed in 400..<460 as Range<UInt64> {
            let document = RandomDocuments.document(seed: seed)
            var passages: [Passage] = []
            let header = try TokenColumnsFile.decodeColumns(TokenColumnsFile.encode(document)) {
                passage, columns, table in
                #expect(passage.tokens.isEmpty)
                passages.append(PassageFileTests.rebuilt(passage, columns, table))
            }
            #expect(passages == document.passages, "seed \(seed)")
            #expect(passages == (try fromJSON(document)))
            var expected = document
            expected.passages = []
            #expect(header == expected)
        }
    }

    @Test func aStaleOrMissingFileIsIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("columns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = RandomDocuments.document(seed: 7)
        let url = folder.appendingPathComponent("d.columns")
        #expect(
            try TokenColumnsFile.read(from: url, sha256: document.sha256, analyzer: document.analyzer) { _, _, _ in }
                == nil)
        try TokenColumnsFile.write(document, to: url)
        var count = 0
        let read = try TokenColumnsFile.read(from: url, sha256: document.sha256, analyzer: document.analyzer) {
            _, _, _ in
            count += 1
        }
        #expect(read?.id == document.id)
        #expect(count == document.passages.count)
        // Another document version or another analyzer: not used, and nothing handed over.
        count = 0
        #expect(
            try TokenColumnsFile.read(from: url, sha256: "other", analyzer: document.analyzer) { _, _, _ in count += 1 }
                == nil)
        #expect(
            try TokenColumnsFile.read(from: url, sha256: document.sha256, analyzer: "fr-0") { _, _, _ in count += 1 }
                == nil)
        #expect(count == 0)
    }

    @Test func damagedFilesAreRefused() throws {
        let bytes = TokenColumnsFile.encode(RandomDocuments.document(seed: 11))
        for cut in [4, 9, bytes.count / 2, bytes.count - 1] {
            #expect(throws: TokenColumnsFile.ReadError.self) {
                _ = try TokenColumnsFile.decodeColumns(Array(bytes.prefix(cut))) { _, _, _ in }
            }
        }
        #expect(throws: TokenColumnsFile.ReadError.self) {
            _ = try TokenColumnsFile.decodeColumns(bytes + [0]) { _, _, _ in }
        }
    }

    @Test func rangesOfPassagesDecodeAsTheWholeFileDoes() throws {
        for seed in 470..<490 as Range<UInt64> {
            let document = RandomDocuments.document(seed: seed)
            let bytes = TokenColumnsFile.encode(document)
            let index = try bytes.withUnsafeBufferPointer { try ColumnsFileIndex($0) }
            #expect(index.passageCount == document.passages.count)
            // Every split of the passages in ranges, read in any order, gives the same passages.
            for size in [1, 2, 5] {
                var byRange: [Int: [Passage]] = [:]
                let starts = Array(stride(from: 0, to: index.passageCount, by: size))
                try bytes.withUnsafeBufferPointer { buffer in
                    let index = try ColumnsFileIndex(buffer)
                    for start in starts.reversed() {
                        try index.decode(start..<min(start + size, index.passageCount)) { passage, columns in
                            byRange[start, default: []].append(PassageFileTests.rebuilt(passage, columns, index.table))
                        }
                    }
                }
                #expect(starts.flatMap { byRange[$0] ?? [] } == document.passages, "seed \(seed), size \(size)")
            }
        }
    }

    @Test func aDamagedFileHasNoIndex() throws {
        let bytes = TokenColumnsFile.encode(RandomDocuments.document(seed: 12))
        for damaged in [Array(bytes.prefix(bytes.count - 3)), bytes + [1, 2], Array(bytes.prefix(20))] {
            #expect(throws: TokenColumnsFile.ReadError.self) {
                _ = try damaged.withUnsafeBufferPointer { try ColumnsFileIndex($0) }
            }
        }
    }

    @Test func aMappedFileHasTheBytesOfTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = folder.appendingPathComponent("full")
        let empty = folder.appendingPathComponent("empty")
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try FileBytes.write(bytes, to: full)
        try FileBytes.write([], to: empty)
        #expect(FileBytes.withMappedFile(full) { Array($0) } == bytes)
        #expect(try FileBytes.read(full) == bytes)
        #expect(FileBytes.withMappedFile(empty) { $0.count } == 0)
        #expect(FileBytes.withMappedFile(folder.appendingPathComponent("missing")) { $0.count } == nil)
        // A folder is not a file to map.
        #expect(FileBytes.withMappedFile(folder) { $0.count } == nil)
    }
}
