import EnjeuxExtraction
import EnjeuxModel
import EnjeuxPipeline
import EnjeuxTestSupport
import Foundation
import Testing

/// Issue 20: a scan is read by OCR once; a rerun reads no page again unless the file or an OCR
/// setting changed.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared"))
struct OCRCacheTests {
    @Test func rerunReadsNoPageAndNewSettingsReadAgain() throws {
        let corpus = try TemporaryFolder()
        let work = try TemporaryFolder()
        let scan = try #require(SharedData.url("corpus/broken/scanned-no-text-layer.pdf"))
        try FileManager.default.copyItem(at: scan, to: corpus.url.appendingPathComponent("scan.pdf"))
        try corpus.write("note.html", ExtractStageTests.page("Une page web, sans OCR."))
        let output = work.url.appendingPathComponent("extracted")
        func run(_ mode: OCRMode) throws -> ExtractStage.Outcome {
            var stage = ExtractStage(corpus: corpus.url, output: output, isolation: nil, jobs: 2)
            stage.ocr = OCROptions(mode: mode, threads: 2)
            return try stage.run()
        }

        let first = try run(.auto)
        #expect(first.extracted == 2)
        #expect(first.ocrPages == 1)
        let id = DocumentID.make(relativePath: "scan.pdf")
        let document = try ExtractedDocument(jsonFile: output.appendingPathComponent("\(id).json"))
        #expect(document.pages.first?.textSource == .ocr)
        #expect(!(document.pages.first?.blocks.isEmpty ?? true))

        let second = try run(.auto)
        #expect(second.extracted == 0 && second.reused == 2)
        #expect(second.ocrPages == 0)

        // Other settings: the PDF is extracted again, the web page is not.
        let third = try run(.never)
        #expect(third.extracted == 1 && third.reused == 1)
        #expect(third.ocrPages == 0)
        let withoutOCR = try ExtractedDocument(jsonFile: output.appendingPathComponent("\(id).json"))
        #expect(withoutOCR.pages.allSatisfy { $0.blocks.isEmpty })
        #expect(withoutOCR.warnings.contains(.noTextLayer))
    }
}
