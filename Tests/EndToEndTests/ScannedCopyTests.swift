import EnjeuxTestSupport
import Foundation
import PopplerKit
import Testing

/// Issue 20: a scanned copy of a sample report, its pages image-only, goes through the whole
/// pipeline: its passages are ranked, flagged as read by OCR, on the pages where the report
/// prints their words.
@Suite struct ScannedCopyTests {
    /// Writes a PDF whose pages are the given grey images (uncompressed), without any text.
    static func imageOnlyPDF(_ pages: [PDFRenderedPage]) -> Data {
        var objects: [Data] = [
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data(
                "<< /Type /Pages /Kids [\(pages.indices.map { "\(3 + 3 * $0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>"
                    .utf8),
        ]
        for (index, page) in pages.enumerated() {
            let first = 3 + 3 * index
            let width = Double(page.width) * 72 / Double(page.resolution)
            let height = Double(page.height) * 72 / Double(page.resolution)
            objects.append(
                Data(
                    ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] "
                        + "/Resources << /XObject << /Im0 \(first + 1) 0 R >> >> /Contents \(first + 2) 0 R >>").utf8))
            var image = Data(
                ("<< /Type /XObject /Subtype /Image /Width \(page.width) /Height \(page.height) "
                    + "/ColorSpace /DeviceGray /BitsPerComponent 8 /Length \(page.pixels.count) >>\nstream\n").utf8)
            image.append(contentsOf: page.pixels)
            image.append(Data("\nendstream".utf8))
            objects.append(image)
            let content = "q \(width) 0 0 \(height) 0 0 cm /Im0 Do Q\n"
            objects.append(Data("<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream".utf8))
        }
        return PDFFile.assemble(objects)
    }

    /// Lowercased words of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The share of `passage`'s words found among `page`'s (counted with repeats).
    static func containment(_ passage: [String], in page: [String]) -> Double {
        var available = Dictionary(page.map { ($0, 1) }, uniquingKeysWith: +)
        var found = 0
        for word in passage where (available[word] ?? 0) > 0 {
            available[word, default: 0] -= 1
            found += 1
        }
        return passage.isEmpty ? 0 : Double(found) / Double(passage.count)
    }

    @Test func scannedReportIsRankedWithOCRFlagsOnItsPages() throws {
        let scratch = try Scratch()
        let report = SharedData.repositoryRoot.appendingPathComponent("Corpus/Rapport d'évaluation Lean 2016.pdf")
        let reader = try PDFDocumentReader(fileAt: report.path)
        let images = (0..<reader.pageCount).compactMap { reader.renderGray(pageAt: $0, resolution: 200) }
        #expect(images.count == reader.pageCount && images.count >= 4)
        let corpus = scratch.path("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Self.imageOnlyPDF(images).write(to: corpus.appendingPathComponent("Rapport numérisé.pdf"))

        let outputs = try StageRunner.pipeline(
            corpus: corpus, lexicon: SharedData.repositoryRoot.appendingPathComponent("Lexicons/enjeux.fr.yaml"),
            work: scratch.path("work"), evidence: scratch.path("Evidence"))
        #expect(outputs.values.allSatisfy { $0.status == 0 }, "\(outputs.mapValues(\.stderr))")

        // The report's own pages, as its text layer reads (pages separated by form feeds).
        let printed = try StageRunner.run("extract", ["--print", report.path, "--ocr", "never"])
        let pages = printed.stdout.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
            Self.words(String($0))
        }
        #expect(pages.count == images.count)

        let evidence = try String(contentsOf: scratch.path("Evidence/evidence.jsonl"), encoding: .utf8)
        let passages = try evidence.split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(passages.count >= 10, "the scan's passages must be ranked")
        var pagesSeen = Set<Int>()
        for passage in passages {
            #expect((passage["ocr"] as? String)?.hasPrefix("texte reconnu par OCR, confiance ") == true)
            let page = try #require(passage["page"] as? Int)
            try #require(page >= 1 && page <= pages.count)
            pagesSeen.insert(page)
            let text = Self.words(passage["text"] as? String ?? "")
            let shares = pages.map { Self.containment(text, in: $0) }
            #expect(shares[page - 1] >= 0.9, "page \(page): \(passage["text"] ?? "")")
            #expect(shares[page - 1] == shares.max(), "page \(page) of \(shares): \(passage["text"] ?? "")")
        }
        #expect(pagesSeen.count >= 3)
    }
}
