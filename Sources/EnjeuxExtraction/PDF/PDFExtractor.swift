import EnjeuxModel
import Foundation
import PopplerKit

/// PDF text extraction with poppler-glib, of citation grade: one `Page` per physical
/// page, blocks in reading order (columns included), hyphenation undone, running
/// headers, footers and page numbers left out, footnotes kept apart; pages whose text layer
/// is missing or unusable read by OCR (`PDF/OCR/`).
package struct PDFExtractor: Sendable {
    /// The warning given for a PDF without any text (a scan).
    package static let noTextLayerWarning = DocumentWarning.noTextLayer
    /// Pages between two calls of `ExtractionOptions.textProgress`, in each pass over the pages.
    package static let progressInterval = 500

    /// Tells `textProgress` when the page at `index` completes a run of `progressInterval`.
    private static func report(_ index: Int, _ options: ExtractionOptions) {
        if (index + 1) % progressInterval == 0 { options.textProgress?(index + 1) }
    }

    private let wordList: PDFFrenchWordList

    package init() {
        self.wordList = .shared
    }

    /// An extractor that decides hyphenation without the system French word list.
    init(wordList: PDFFrenchWordList) {
        self.wordList = wordList
    }

    package func extract(data: Data, options: ExtractionOptions) throws(ExtractionFailure) -> ExtractedContent {
        var content = ExtractedContent(metadata: DocumentMetadata(), pages: [])
        content.warnings = try extract(.bytes(data), head: data, options: options, into: &content)
        return content
    }

    /// Extracts the PDF in `source` (whose first bytes are `head`) page by page into `sink`;
    /// returns the warnings. From a file, poppler reads it by pieces, and the pages are handed
    /// over as they are finished: memory grows with the largest page, not with the document.
    package func extract(
        _ source: PDFSource, head: Data, options: ExtractionOptions, into sink: inout some ExtractedPageSink
    ) throws(ExtractionFailure) -> [DocumentWarning] {
        if head.isEmpty { throw .emptyFile }
        guard FormatSniffer.hasPDFHeader(head) else {
            throw .missingPDFHeader
        }
        let reader: PDFDocumentReader
        do {
            reader = try source.open(password: options.password)
        } catch {
            throw Self.failure(for: error)
        }
        return try extract(reader, source: source, options: options, into: &sink)
    }

    /// Reads each page once from poppler (judging its text layer for OCR), reads the chosen
    /// pages by OCR, then makes passes over the stored pages for what needs the whole
    /// document — running headers and footers, the body size and line pitches, hyphenation
    /// breaks and the document's own words, heading sizes — and a last pass that assembles
    /// each page and hands it to `sink`.
    private func extract(
        _ reader: PDFDocumentReader, source: PDFSource, options: ExtractionOptions,
        into sink: inout some ExtractedPageSink
    ) throws(ExtractionFailure) -> [DocumentWarning] {
        let pageCount = reader.pageCount
        guard pageCount > 0 else { throw .noReadablePage }

        var warnings: [DocumentWarning] = []
        var layerWarnings: [DocumentWarning] = []
        let pages = PDFPageLines()
        var heights: [Double] = []
        var labels: [String?] = []
        var furniture = PDFPageFurniture.Finder()
        var hasText = false
        let ocrPass = PDFOCRPass(options: options.ocr, password: options.password, progress: options.pageProgress)
        var verdicts: [Int: PDFTextLayerQuality.Verdict] = [:]
        var emptyLayers = Set<Int>()
        heights.reserveCapacity(pageCount)
        for index in 0..<pageCount {
            guard let content = reader.page(at: index) else {
                warnings.append(.unreadablePage(index + 1))
                pages.append([])
                furniture.add([], pageHeight: 0)
                heights.append(0)
                labels.append(nil)
                continue
            }
            let lines = PDFLineBuilder.lines(of: content)
            if lines.isEmpty { emptyLayers.insert(index) }
            verdicts[index] = ocrPass.verdict(for: lines, page: index, warnings: &layerWarnings)
            hasText = hasText || !lines.isEmpty
            pages.append(lines)
            furniture.add(lines, pageHeight: content.height)
            heights.append(content.height)
            labels.append(content.label == String(index + 1) ? nil : content.label)
            Self.report(index, options)
        }

        // Scanned pages and unusable text layers are read by OCR (PDF/OCR/).
        warnings += layerWarnings
        let origins = ocrPass.run(
            verdicts: verdicts, emptyLayers: emptyLayers, pageCount: pageCount, source: source, warnings: &warnings
        ) { index, lines in pages.replace(page: index, with: lines) }
        if pages.hasReplacements {
            furniture = PDFPageFurniture.Finder()
            hasText = false
            for index in 0..<pageCount {
                let lines = try pages.lines(at: index)
                hasText = hasText || !lines.isEmpty
                furniture.add(lines, pageHeight: heights[index])
            }
        }

        if !hasText {
            warnings.append(Self.noTextLayerWarning)
            sink.begin(format: .pdf, metadata: PDFMetadataMapper.metadata(from: reader.info, firstHeading: nil))
            for index in 0..<pageCount {
                sink.append(
                    Page(
                        number: index + 1, label: labels[index], blocks: [], textSource: origins[index].source,
                        ocrConfidence: origins[index].confidence))
            }
            return warnings
        }

        // Furniture out, reading order (OCR lines come in Tesseract's reading order, grouped in
        // its paragraphs), typography of the text layer, OCR sizes and hyphen breaks.
        let isOCR = origins.map { $0.source == .ocr }
        let removal = furniture.removal()
        let ordered = PDFPageStore()
        var typography = PDFLayoutStatistics.Tally()
        var ocrSizes = PDFOCRBlocks.Sizes()
        var breaks = Set<PDFTextAssembler.Break>()
        var previous: PDFTextLine?
        for index in 0..<pageCount {
            var lines = try pages.lines(at: index)
            removal.remove(from: &lines, page: index)
            if isOCR[index] {
                ocrSizes.add(lines)
            } else {
                lines = PDFReadingOrder.ordered(lines)
                typography.add(lines)
            }
            Self.addHyphenationBreaks(lines, after: &previous, to: &breaks)
            ordered.append(lines)
            Self.report(index, options)
        }
        let statistics = typography.statistics
        let builder = PDFBlockBuilder(statistics: statistics)
        let ocrBlocks = PDFOCRBlocks(bodySize: ocrSizes.median)
        func drafts(_ index: Int) throws(ExtractionFailure) -> [PDFBlockDraft] {
            let lines = try PDFPageLines.read((ordered, index))
            return isOCR[index]
                ? ocrBlocks.blocks(of: lines, pageHeight: heights[index])
                : builder.blocks(of: lines, pageHeight: heights[index])
        }

        // The document's own spelling of the hyphenated words, and its heading sizes.
        var candidates = Set<String>()
        for found in breaks {
            candidates.insert((found.left + found.right).lowercased())
            candidates.insert((found.left + "-" + found.right).lowercased())
        }
        var documentWords = PDFDocumentWords(candidates: candidates)
        var headingSizes = Set<Double>()
        for index in 0..<pageCount {
            documentWords.add(try PDFPageLines.read((ordered, index)))
            PDFHeadingLevels.add(try drafts(index), to: &headingSizes)
            Self.report(index, options)
        }
        let rankedHeadingSizes = PDFHeadingLevels.ranked(headingSizes)

        // Each page's blocks, handed over once the next page has taken back the end of a
        // word cut at the page break.
        let assembler = PDFTextAssembler(
            hyphenation: PDFHyphenation(documentWords: documentWords.counts, wordList: wordList), breaks: breaks)
        var pending: Page?
        for index in 0..<pageCount {
            Self.report(index, options)
            var blocks = try drafts(index)
            PDFHeadingLevels.assign(to: &blocks, ranked: rankedHeadingSizes)
            var page = Page(
                number: index + 1, label: labels[index],
                blocks: blocks.map { Block(kind: $0.kind, text: assembler.text(of: $0), level: $0.level) }
                    .filter { !$0.text.isEmpty }, textSource: origins[index].source,
                ocrConfidence: origins[index].confidence)
            guard var finished = pending else {
                // The first page names the document's first heading.
                let firstHeading = page.blocks.first { $0.kind == .heading }?.text
                sink.begin(
                    format: .pdf, metadata: PDFMetadataMapper.metadata(from: reader.info, firstHeading: firstHeading))
                pending = page
                continue
            }
            PDFPageBreaks.join(&finished, &page, using: assembler)
            sink.append(finished)
            pending = page
        }
        if let pending { sink.append(pending) }
        return warnings
    }

    /// Adds the line-end hyphen breaks between consecutive lines (`previous` is the last line
    /// of the pages before).
    private static func addHyphenationBreaks(
        _ lines: [PDFTextLine], after previous: inout PDFTextLine?, to breaks: inout Set<PDFTextAssembler.Break>
    ) {
        for line in lines {
            defer { previous = line }
            guard let before = previous, PDFLineOpening.endsWithHyphen(before.scalars),
                let found = PDFTextAssembler.hyphenBreak(before: before.scalars, next: line.scalars[...])
            else { continue }
            breaks.insert(found)
        }
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
