import EnjeuxModel
import EnjeuxSupport
import EnjeuxTestSupport
import Foundation
import Testing

/// The files written and read piece by piece for huge documents (issue 24): the same bytes as
/// the whole-document serializations, and the same values read back.
@Suite struct StreamedFilesTests {
    static let seeds: [UInt64] = Array(0..<40)

    func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("enjeux-streamed-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: seeds) func extractedDocumentWrittenPageByPageHasTheSameBytes(seed: UInt64) throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = RandomDocuments.extractedDocument(seed: seed)
        let whole = folder.appendingPathComponent("whole.json")
        let streamed = folder.appendingPathComponent("streamed.json")
        try document.writeJSON(to: whole)
        var writer = try ExtractedDocumentWriter(
            url: streamed, id: document.id, source: document.source, sha256: document.sha256,
            byteCount: document.byteCount)
        writer.begin(format: document.format, metadata: document.metadata)
        for page in document.pages { writer.append(page) }
        try writer.finish(warnings: document.warnings)
        #expect(try Data(contentsOf: streamed) == Data(contentsOf: whole))
        #expect(writer.pageCount == document.pages.count)
        // Nothing is left beside the file.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "streamed.json", "whole.json",
            ])
    }

    @Test(arguments: seeds) func pagesWrittenBlockByBlockHaveTheSameBytes(seed: UInt64) throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = RandomDocuments.extractedDocument(seed: seed)
        let whole = folder.appendingPathComponent("whole.json")
        let streamed = folder.appendingPathComponent("streamed.json")
        try document.writeJSON(to: whole)
        var writer = try ExtractedDocumentWriter(
            url: streamed, id: document.id, source: document.source, sha256: document.sha256,
            byteCount: document.byteCount)
        writer.begin(format: document.format, metadata: document.metadata)
        for page in document.pages {
            writer.beginPage(page)
            for block in page.blocks { writer.appendBlock(block) }
            writer.endPage()
        }
        try writer.finish(warnings: document.warnings)
        #expect(try Data(contentsOf: streamed) == Data(contentsOf: whole))
        #expect(writer.pageCount == document.pages.count)
        // ExtractedContent collects the same pages.
        var content = ExtractedContent(metadata: DocumentMetadata(), pages: [])
        for page in document.pages {
            content.beginPage(page)
            for block in page.blocks { content.appendBlock(block) }
            content.endPage()
        }
        #expect(content.pages == document.pages)
    }

    @Test func anExtractedDocumentWriterNotFinishedLeavesNothing() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            var writer = try ExtractedDocumentWriter(
                url: folder.appendingPathComponent("x.json"), id: "x", source: "x.pdf", sha256: "", byteCount: 0)
            writer.begin(format: .pdf, metadata: DocumentMetadata())
            writer.append(Page(number: 1, blocks: [Block(kind: .paragraph, text: "abandonné")]))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test(arguments: seeds) func extractedDocumentReadBlockByBlockGivesEveryBlock(seed: UInt64) throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = RandomDocuments.extractedDocument(seed: seed)
        let url = folder.appendingPathComponent("doc.json")
        try document.writeJSON(to: url)
        let outline = try ExtractedDocument.outline(jsonFile: url)
        var pages = outline.pages
        try ExtractedDocument.readBlocks(jsonFile: url, outline: outline) { page, position, block in
            let index = try #require(pages.firstIndex { $0.number == page.number && $0.label == page.label })
            #expect(pages[index].blocks.count == position)
            pages[index].blocks.append(block)
        }
        var rebuilt = outline
        rebuilt.pages = pages
        #expect(rebuilt == document)
        #expect(outline.pages.allSatisfy { $0.blocks.isEmpty })
    }

    @Test func aMalformedExtractedFileIsAnErrorWithItsOffset() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("doc.json")
        let document = RandomDocuments.extractedDocument(seed: 3)
        var bytes = document.jsonBytes()
        bytes.removeLast(5)
        try FileBytes.write(bytes, to: url)
        #expect(throws: JSONReadError.self) { _ = try ExtractedDocument.outline(jsonFile: url) }
    }

    @Test(arguments: seeds) func passageFilesWrittenPassageByPassageHaveTheSameBytes(seed: UInt64) throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = RandomDocuments.document(seed: seed)
        let writer = TokenizedDocumentWriter()
        for passage in document.passages { writer.append(passage) }
        var header = document
        header.passages = []
        let json = folder.appendingPathComponent("streamed.json")
        let columns = folder.appendingPathComponent("streamed.columns")
        try writer.writeJSON(header, to: json)
        try writer.writeColumns(header, to: columns)
        #expect(try FileBytes.read(json) == document.jsonBytes() + [0x0A])
        #expect(try FileBytes.read(columns) == TokenColumnsFile.encode(document))
        #expect(writer.passageCount == document.passages.count)
    }

    @Test func scratchFileSpillsPastItsLimitAndReadsBack() throws {
        let scratch = ScratchFile(memoryLimit: 1000)
        var expected: [UInt8] = []
        var ranges: [Range<Int>] = []
        var generator = SeededGenerator(seed: 7)
        for length in 0..<300 {
            let piece = (0..<(length * 7 % 5000)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            ranges.append(scratch.append(piece))
            expected += piece
        }
        #expect(scratch.count == expected.count)
        for range in ranges { #expect(try scratch.read(range) == Array(expected[range])) }
        var chunks: [UInt8] = []
        try scratch.forEachChunk { chunks += $0 }
        #expect(chunks == expected)
    }
}
