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
        var content = ExtractedContent(metadata: DocumentMetadata(), pages: [])
        content.warnings = try extract(reader, into: &content)
        return content
    }

    /// Extracts the PDF file at `url` (whose first bytes are `head`) page by page into `sink`;
    /// returns the warnings. Poppler reads the file by pieces, and the pages are handed over as
    /// they are finished: memory grows with the largest page, not with the document.
    package func extract(
        fileAt url: URL, head: Data, options: ExtractionOptions, into sink: inout some ExtractedPageSink
    ) throws(ExtractionFailure) -> [DocumentWarning] {
        if head.isEmpty { throw .emptyFile }
        guard FormatSniffer.hasPDFHeader(head) else {
            throw .missingPDFHeader
        }
        let reader: PDFDocumentReader
        do {
            reader = try PDFDocumentReader(fileAt: url.path, password: options.password)
        } catch {
            throw Self.failure(for: error)
        }
        return try extract(reader, into: &sink)
    }

    /// Reads each page once from poppler into a `PDFPageStore`, then makes passes over the
    /// stored pages for what needs the whole document — running headers and footers, the body
    /// size and line pitches, hyphenation breaks and the document's own words, heading sizes —
    /// and a last pass that assembles each page and hands it to `sink`.
    private func extract(
        _ reader: PDFDocumentReader, into sink: inout some ExtractedPageSink
    ) throws(ExtractionFailure) -> [DocumentWarning] {
        let pageCount = reader.pageCount
        guard pageCount > 0 else { throw .noReadablePage }

        var warnings: [DocumentWarning] = []
        let raw = PDFPageStore()
        var heights: [Double] = []
        var labels: [String?] = []
        var furniture = PDFPageFurniture.Finder()
        var hasText = false
        heights.reserveCapacity(pageCount)
        for index in 0..<pageCount {
            guard let content = reader.page(at: index) else {
                warnings.append(.unreadablePage(index + 1))
                raw.append([])
                furniture.add([], pageHeight: 0)
                heights.append(0)
                labels.append(nil)
                continue
            }
            let lines = PDFLineBuilder.lines(of: content)
            hasText = hasText || !lines.isEmpty
            raw.append(lines)
            furniture.add(lines, pageHeight: content.height)
            heights.append(content.height)
            labels.append(content.label == String(index + 1) ? nil : content.label)
        }

        if !hasText {
            warnings.append(Self.noTextLayerWarning)
            sink.begin(format: .pdf, metadata: PDFMetadataMapper.metadata(from: reader.info, firstHeading: nil))
            for index in 0..<pageCount { sink.append(Page(number: index + 1, label: labels[index], blocks: [])) }
            return warnings
        }

        // Furniture out, reading order, typography and hyphen breaks.
        let removal = furniture.removal()
        let ordered = PDFPageStore()
        var typography = PDFLayoutStatistics.Tally()
        var breaks = Set<PDFTextAssembler.Break>()
        var previous: PDFTextLine?
        for index in 0..<pageCount {
            var lines = try Self.read(raw, index)
            removal.remove(from: &lines, page: index)
            lines = PDFReadingOrder.ordered(lines)
            typography.add(lines)
            Self.addHyphenationBreaks(lines, after: &previous, to: &breaks)
            ordered.append(lines)
        }
        let statistics = typography.statistics
        let builder = PDFBlockBuilder(statistics: statistics)

        // The document's own spelling of the hyphenated words, and its heading sizes.
        var candidates = Set<String>()
        for found in breaks {
            candidates.insert((found.left + found.right).lowercased())
            candidates.insert((found.left + "-" + found.right).lowercased())
        }
        var documentWords = PDFDocumentWords(candidates: candidates)
        var headingSizes = Set<Double>()
        for index in 0..<pageCount {
            let lines = try Self.read(ordered, index)
            documentWords.add(lines)
            PDFHeadingLevels.add(builder.blocks(of: lines, pageHeight: heights[index]), to: &headingSizes)
        }
        let rankedHeadingSizes = PDFHeadingLevels.ranked(headingSizes)

        // Each page's blocks, handed over once the next page has taken back the end of a
        // word cut at the page break.
        let assembler = PDFTextAssembler(
            hyphenation: PDFHyphenation(documentWords: documentWords.counts, wordList: wordList), breaks: breaks)
        var pending: Page?
        for index in 0..<pageCount {
            var drafts = builder.blocks(of: try Self.read(ordered, index), pageHeight: heights[index])
            PDFHeadingLevels.assign(to: &drafts, ranked: rankedHeadingSizes)
            var page = Page(
                number: index + 1, label: labels[index],
                blocks: drafts.map { Block(kind: $0.kind, text: assembler.text(of: $0), level: $0.level) }
                    .filter { !$0.text.isEmpty })
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

    /// The stored lines of a page; a scratch file that cannot be read back fails the document.
    private static func read(_ store: PDFPageStore, _ index: Int) throws(ExtractionFailure) -> [PDFTextLine] {
        do {
            return try store.lines(at: index)
        } catch {
            throw .unreadable(detail: "cannot read back the temporary file of its pages: \(error.reason)")
        }
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
