import EnjeuxModel
import EnjeuxTestSupport
import Foundation
import PopplerKit
import Testing

@testable import EnjeuxExtraction

/// Issue 20: scanned pages and unusable text layers read by OCR, rotated pages.
@Suite struct PDFOCRTests {
    /// French sentences (ours) long enough for the text-layer test's 20 words.
    static let frenchLines = [
        "Les intervenantes sociales constatent que la charge de travail",
        "augmente depuis la réforme du réseau de la santé et des services",
        "sociaux. Les listes d’attente s’allongent et le temps consacré aux",
        "personnes diminue, alors que les indicateurs de performance se",
        "multiplient dans les établissements de toute la région.",
    ]

    static func extract(_ data: Data, mode: OCRMode) throws -> ExtractedContent {
        try PDFExtractor().extract(data: data, options: ExtractionOptions(ocr: OCROptions(mode: mode, threads: 2)))
    }

    static func words(_ content: ExtractedContent) -> [String] {
        WordAlignment.words(content.pages.map(\.plainText).joined(separator: "\n"))
    }

    /// Share of `reference`'s words found, in order, in `candidate` (longest common subsequence).
    static func accuracy(_ candidate: [String], against reference: [String]) -> Double {
        let matched = WordAlignment.matchedMask(reference, candidate).filter { $0 }.count
        return reference.isEmpty ? 1 : Double(matched) / Double(reference.count)
    }

    @Test func faithfulLayerIsKept() throws {
        let data = SyntheticPDF.page(lines: Self.frenchLines, map: .faithful)
        let content = try Self.extract(data, mode: .auto)
        #expect(content.pages.first?.textSource == .pdf)
        #expect(content.pages.first?.ocrConfidence == nil)
        #expect(
            Self.accuracy(Self.words(content), against: WordAlignment.words(Self.frenchLines.joined(separator: " ")))
                == 1)
    }

    @Test func privateUseLayerIsGarbledAndReadByOCR() throws {
        let data = SyntheticPDF.page(lines: Self.frenchLines, map: .privateUse)
        let lines = try #require(PDFDocumentReaderPages.lines(of: data).first)
        #expect(PDFTextLayerQuality.assess(lines, words: .shared) == .garbled)

        let content = try Self.extract(data, mode: .auto)
        let page = try #require(content.pages.first)
        #expect(page.textSource == .ocr)
        #expect((page.ocrConfidence ?? 0) > 80)
        let reference = WordAlignment.words(Self.frenchLines.joined(separator: " "))
        #expect(Self.accuracy(Self.words(content), against: reference) >= 0.95)

        // Without OCR the garbled layer is reported, not used silently.
        let never = try Self.extract(data, mode: .never)
        #expect(never.warnings.contains(.unusableTextLayer(page: 1)))
        #expect(never.pages.first?.textSource == .pdf)
    }

    @Test func shiftedLettersAreDoubtfulAndOCRWins() throws {
        let data = SyntheticPDF.page(lines: Self.frenchLines, map: .shiftedLetters(3))
        let lines = try #require(PDFDocumentReaderPages.lines(of: data).first)
        guard case .doubtful(let share) = PDFTextLayerQuality.assess(lines, words: .shared) else {
            Issue.record("a layer of shifted letters must be doubtful")
            return
        }
        #expect(share < 0.5)
        let content = try Self.extract(data, mode: .auto)
        #expect(content.pages.first?.textSource == .ocr)
        let reference = WordAlignment.words(Self.frenchLines.joined(separator: " "))
        #expect(Self.accuracy(Self.words(content), against: reference) >= 0.95)
    }

    @Test func latinPageKeepsItsLayer() throws {
        // Real words of no French or English list: doubtful, but OCR reads no better.
        let lines = [
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod",
            "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim",
            "veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea",
            "commodo consequat. Duis aute irure dolor in reprehenderit in voluptate.",
        ]
        let content = try Self.extract(SyntheticPDF.page(lines: lines, map: .faithful), mode: .auto)
        #expect(content.pages.first?.textSource == .pdf)
        #expect(content.pages.first?.plainText.contains("consectetur adipiscing") == true)
    }

    @Test func alwaysReadsAGoodPageByOCR() throws {
        let content = try Self.extract(SyntheticPDF.page(lines: Self.frenchLines, map: .faithful), mode: .always)
        #expect(content.pages.first?.textSource == .ocr)
        let reference = WordAlignment.words(Self.frenchLines.joined(separator: " "))
        #expect(Self.accuracy(Self.words(content), against: reference) >= 0.95)
    }

    /// The page limit counts the recognising thread's processor time: a limit below what the
    /// layout analysis alone uses stops recognition at the first word, with a warning, and the
    /// page keeps what was found by then; a page within its limit is read in full.
    @Test func pageLimitCountsProcessorTime() throws {
        let data = SyntheticPDF.page(lines: Self.frenchLines, map: .privateUse)
        let reference = WordAlignment.words(Self.frenchLines.joined(separator: " "))
        func extract(limit: Double) throws -> ExtractedContent {
            try PDFExtractor().extract(
                data: data, options: ExtractionOptions(ocr: OCROptions(mode: .auto, pageTimeLimit: limit, threads: 1)))
        }
        let stopped = try extract(limit: 0.000_1)
        #expect(stopped.warnings.contains(.ocrPageTimedOut(page: 1, seconds: 0)))
        #expect(Self.accuracy(Self.words(stopped), against: reference) < 0.5)

        let read = try extract(limit: 600)
        #expect(!read.warnings.contains { if case .ocrPageTimedOut = $0 { true } else { false } })
        #expect(Self.accuracy(Self.words(read), against: reference) >= 0.95)
    }

    /// The cache key names the limit as processor time (results cut by a wall-clock limit
    /// before are not reused).
    @Test func cacheKeyNamesAProcessorTimeLimit() {
        #expect(OCROptions(pageTimeLimit: 45).cacheKey.contains("page-limit=45cpu-s"))
    }

    @Test(.enabled(if: SharedData.isAvailable, "needs ../shared"))
    func scannedReportGivesTextFlaggedOCR() throws {
        let data = try PDFTestSupport.data("corpus/broken/scanned-no-text-layer.pdf")
        let content = try Self.extract(data, mode: .auto)
        let page = try #require(content.pages.first)
        #expect(page.textSource == .ocr)
        #expect((page.ocrConfidence ?? 0) > 85)
        #expect(!content.warnings.contains(.noTextLayer))
        // The scan is page 1 of the seed PDF: its words, as the text layer gives them.
        let seed = try PDFTestSupport.extract("corpus/seeds/004_21255a5746c9818d.pdf")
        let reference = WordAlignment.words(try #require(seed.pages.first).plainText)
        #expect(Self.accuracy(Self.words(content), against: reference) >= 0.95)

        let never = try Self.extract(data, mode: .never)
        #expect(never.pages.allSatisfy { $0.blocks.isEmpty })
        #expect(never.warnings == [.noTextLayer])
    }

    /// `/Rotate 180` loses the page's text in poppler-glib's text API: the page is read by OCR.
    /// Its Latin words are those pdftotext finds (Arabic needs Tesseract's `ara` data, which
    /// the OCR languages do not include).
    @Test(.enabled(if: SharedData.isAvailable && PDFLayoutReference.isAvailable, "needs ../shared and pdftotext"))
    func rotatedPageTextIsRecovered() throws {
        let url = try #require(SharedData.url("corpus/pdf-samples/015-habibi-rotated.pdf"))
        let content = try Self.extract(Data(contentsOf: url), mode: .auto)
        let reference = try PDFLayoutReference.pages(of: url)
        #expect(content.pages.count == 4)
        #expect(reference.count == 4)
        for (index, page) in content.pages.enumerated() where index < reference.count {
            // pdftotext wraps the words in bidirectional marks, and glues the Latin word to the
            // Arabic one: the runs of Latin letters are compared.
            let latin = Self.withoutBidiMarks(reference[index]).split(whereSeparator: { !($0.isASCII && $0.isLetter) })
                .map(String.init)
            #expect(latin == ["habibi"], "page \(index + 1): pdftotext's Latin words")
            let found = Self.withoutBidiMarks(page.plainText).lowercased()
            for word in latin { #expect(found.contains(word), "page \(index + 1): \(word) not found") }
        }
        #expect(content.pages[1].textSource == .ocr)
    }
}

extension PDFOCRTests {
    static func withoutBidiMarks(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter {
                    !(0x200E...0x200F).contains($0.value) && !(0x202A...0x202E).contains($0.value)
                        && !(0x2066...0x2069).contains($0.value)
                }))
    }
}

/// The text-layer lines of each page, as the extractor builds them before any OCR.
enum PDFDocumentReaderPages {
    static func lines(of data: Data) throws -> [[PDFTextLine]] {
        let reader = try PDFDocumentReader(data: data)
        return (0..<reader.pageCount).map { index in
            reader.page(at: index).map(PDFLineBuilder.lines(of:)) ?? []
        }
    }
}

/// The blocks of OCR lines: Tesseract's paragraphs, joined where a sentence goes on, and headings.
@Suite struct PDFOCRBlocksTests {
    static func line(_ text: String, y: Double, paragraph: Int, x: Double = 72) -> PDFTextLine {
        PDFTextLine(
            scalars: Array(text.unicodeScalars), x1: x, y1: y, x2: x + 400, y2: y + 12, fontSize: 11, isBold: false,
            fontKey: 0, endsWithSoftHyphen: false, order: 0, ocrParagraph: paragraph)
    }

    @Test func sentenceCutByTesseractIsJoinedAndNumberedLineIsAHeading() {
        let lines = [
            Self.line("3.2 Autonomie professionnelle", y: 100, paragraph: 0),
            Self.line("Ce que le tableau de bord présente comme un gain pourrait ainsi", y: 130, paragraph: 1),
            Self.line("correspondre à une perte de temps clinique.", y: 145, paragraph: 2),
            Self.line("Une autre idée commence ici.", y: 160, paragraph: 3),
        ]
        let blocks = PDFOCRBlocks(pages: [lines]).blocks(of: lines, pageHeight: 792)
        #expect(blocks.map(\.kind) == [.heading, .paragraph, .paragraph])
        #expect(blocks.map(\.lines.count) == [1, 2, 1])
    }

    @Test func numberedHeadingNeedsACapitalAndNoPeriod() {
        func isHeading(_ text: String) -> Bool {
            PDFOCRBlocks.isNumberedHeading(
                PDFBlockDraft(kind: .paragraph, lines: [Self.line(text, y: 0, paragraph: 0)]))
        }
        #expect(isHeading("3.2 Autonomie professionnelle et jugement clinique"))
        #expect(isHeading("4. Recommandations"))
        #expect(!isHeading("34 personnes ont répondu."))
        #expect(!isHeading("2016 fut une année difficile."))
        #expect(!isHeading("12 jours"))
    }
}
