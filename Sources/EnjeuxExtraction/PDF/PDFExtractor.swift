import EnjeuxModel
import Foundation
import PopplerKit

/// PDF text extraction with poppler-glib, of citation grade: one `Page` per physical
/// page, blocks in reading order (columns included), hyphenation undone, running
/// headers, footers and page numbers left out, footnotes kept apart.
package struct PDFExtractor: Sendable {
    /// The warning given for a PDF without any text (a scan).
    package static let noTextLayerWarning = DocumentWarning.noTextLayer

    private let wordList: PDFFrenchWordList

    package init() {
        self.wordList = .shared
    }

    /// An extractor that decides hyphenation without the system French word list.
    init(wordList: PDFFrenchWordList) {
        self.wordList = wordList
    }

    package func extract(data: Data, options: ExtractionOptions) throws(ExtractionFailure) -> ExtractedContent {
        if data.isEmpty { throw .emptyFile }
        guard FormatSniffer.hasPDFHeader(data) else {
            throw .missingPDFHeader
        }
        let reader: PDFDocumentReader
        do {
            reader = try PDFDocumentReader(data: data, password: options.password)
        } catch {
            throw Self.failure(for: error)
        }
        let pageCount = reader.pageCount
        guard pageCount > 0 else { throw .noReadablePage }

        var warnings: [DocumentWarning] = []
        var pages: [[PDFTextLine]] = []
        var heights: [Double] = []
        var labels: [String?] = []
        var unreadable = Set<Int>()
        pages.reserveCapacity(pageCount)
        for index in 0..<pageCount {
            guard let content = reader.page(at: index) else {
                warnings.append(.unreadablePage(index + 1))
                unreadable.insert(index)
                pages.append([])
                heights.append(0)
                labels.append(nil)
                continue
            }
            pages.append(PDFLineBuilder.lines(of: content))
            heights.append(content.height)
            labels.append(content.label == String(index + 1) ? nil : content.label)
        }

        // Scanned pages and unusable text layers are read by OCR (PDF/OCR/).
        let origins = PDFOCRPass(options: options.ocr, password: options.password, progress: options.pageProgress)
            .run(on: &pages, unreadable: unreadable, data: data, warnings: &warnings)
        let isOCR = origins.map { $0.source == .ocr }

        if pages.allSatisfy(\.isEmpty) {
            warnings.append(Self.noTextLayerWarning)
            let metadata = PDFMetadataMapper.metadata(from: reader.info, firstHeading: nil)
            let empty = pages.indices.map {
                Page(
                    number: $0 + 1, label: labels[$0], blocks: [], textSource: origins[$0].source,
                    ocrConfidence: origins[$0].confidence)
            }
            return ExtractedContent(metadata: metadata, pages: empty, warnings: warnings)
        }

        PDFPageFurniture.removeFurniture(from: &pages, pageHeights: heights)
        // OCR lines come in Tesseract's reading order, grouped in its paragraphs.
        pages = pages.indices.map { isOCR[$0] ? pages[$0] : PDFReadingOrder.ordered(pages[$0]) }
        let statistics = PDFLayoutStatistics(pages: pages.indices.map { isOCR[$0] ? [] : pages[$0] })
        let builder = PDFBlockBuilder(statistics: statistics)
        let ocrBlocks = PDFOCRBlocks(pages: pages.indices.map { isOCR[$0] ? pages[$0] : [] })
        var drafts = pages.indices.map {
            isOCR[$0]
                ? ocrBlocks.blocks(of: pages[$0], pageHeight: heights[$0])
                : builder.blocks(of: pages[$0], pageHeight: heights[$0])
        }
        PDFHeadingLevels.assign(to: &drafts, bodySize: statistics.bodySize)

        let breaks = Self.hyphenationBreaks(pages)
        var candidates = Set<String>()
        for found in breaks {
            candidates.insert((found.left + found.right).lowercased())
            candidates.insert((found.left + "-" + found.right).lowercased())
        }
        let documentWords = PDFDocumentWords.count(candidates, in: pages)
        let assembler = PDFTextAssembler(
            hyphenation: PDFHyphenation(documentWords: documentWords, wordList: wordList), breaks: breaks)
        var result = drafts.indices.map { index in
            Page(
                number: index + 1, label: labels[index],
                blocks: drafts[index].map { Block(kind: $0.kind, text: assembler.text(of: $0), level: $0.level) }
                    .filter { !$0.text.isEmpty }, textSource: origins[index].source,
                ocrConfidence: origins[index].confidence)
        }
        PDFPageBreaks.joinHyphenatedWords(in: &result, using: assembler)

        let firstHeading = result.first?.blocks.first { $0.kind == .heading }?.text
        let metadata = PDFMetadataMapper.metadata(from: reader.info, firstHeading: firstHeading)
        return ExtractedContent(metadata: metadata, pages: result, warnings: warnings)
    }

    /// Every distinct line-end hyphen break between consecutive lines.
    private static func hyphenationBreaks(_ pages: [[PDFTextLine]]) -> Set<PDFTextAssembler.Break> {
        var breaks = Set<PDFTextAssembler.Break>()
        var previous: PDFTextLine?
        for lines in pages {
            for line in lines {
                defer { previous = line }
                guard let before = previous, PDFLineOpening.endsWithHyphen(before.scalars),
                    let found = PDFTextAssembler.hyphenBreak(before: before.scalars, next: line.scalars[...])
                else { continue }
                breaks.insert(found)
            }
        }
        return breaks
    }

    private static func failure(for error: PDFOpenError) -> ExtractionFailure {
        switch error {
        case .passwordRequired: .passwordRequired
        case .wrongPassword: .wrongPassword
        case .damaged(let detail): .damaged(detail: detail)
        case .notAPDF(let detail): .notAPDF(detail: detail)
        }
    }
}
