import EnjeuxModel
import Foundation
import Synchronization
import Testing

@testable import EnjeuxExtraction

/// A long PDF tells its progress every `PDFExtractor.progressInterval` pages of each pass, so
/// that the batch allows it time while its pages keep coming (issue 24: the 20,000-page PDF).
@Suite struct PDFTextProgressTests {
    static func progress(pages: Int) throws -> (calls: [Int], pages: Int) {
        let data = SyntheticPDF.page(
            content: SyntheticPDF.text(["Une page parmi d’autres."], x: 72, y: 720), copies: pages)
        let calls = Mutex<[Int]>([])
        let content = try PDFExtractor().extract(
            data: data,
            options: ExtractionOptions(
                ocr: OCROptions(mode: .never), textProgress: { done in calls.withLock { $0.append(done) } }))
        return (calls.withLock { $0 }, content.pages.count)
    }

    @Test func longDocumentReportsEachRunOfPagesInEachPass() throws {
        let interval = PDFExtractor.progressInterval
        let long = try Self.progress(pages: 2 * interval + 7)
        #expect(long.pages == 2 * interval + 7)
        // Reading, ordering, headings and assembly: four passes over the pages.
        #expect(long.calls == Array(repeating: [interval, 2 * interval], count: 4).flatMap { $0 })

        let short = try Self.progress(pages: interval - 1)
        #expect(short.calls.isEmpty)
    }
}
