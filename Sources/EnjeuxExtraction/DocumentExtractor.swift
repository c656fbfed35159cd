import EnjeuxModel
import Foundation

/// Options that apply to every extractor.
package struct ExtractionOptions: Sendable {
    /// Password for an encrypted PDF, when the corpus provides one.
    package var password: String?
    /// When and how scanned PDF pages are read by OCR.
    package var ocr: OCROptions
    /// Told after each page read by OCR: pages done, pages to do in the document.
    package var pageProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Told every `PDFExtractor.progressInterval` pages of each pass over a long PDF's pages
    /// (pages done in that pass), so that a batch allows a long document time while it makes
    /// progress.
    package var textProgress: (@Sendable (_ pagesDone: Int) -> Void)?

    package init(
        password: String? = nil, ocr: OCROptions = OCROptions(),
        pageProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
        textProgress: (@Sendable (_ pagesDone: Int) -> Void)? = nil
    ) {
        self.password = password
        self.ocr = ocr
        self.pageProgress = pageProgress
        self.textProgress = textProgress
    }
}

/// Detects a file's format from its content and runs the matching extractor. A zip archive is
/// opened to see what it holds (`OfficeArchiveReader`), so the format returned for one is the
/// document's, whatever the sniffer guessed from its first entry.
package enum DocumentExtractor {
    /// The file's format as detected (the extracted document records its `documentFormat`)
    /// and its content.
    package static func extract(
        fileAt url: URL, options: ExtractionOptions = ExtractionOptions()
    ) throws(ExtractionFailure) -> (FileFormat, ExtractedContent) {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw .unreadable(detail: error.localizedDescription)
        }
        return try extract(data: data, fileAt: url, options: options)
    }

    /// Extracts bytes the caller read from the file at `url` (so that it can hash exactly the
    /// bytes extracted). A Word or OpenDocument archive is opened again from `url`.
    package static func extract(
        data: Data, fileAt url: URL, options: ExtractionOptions = ExtractionOptions()
    ) throws(ExtractionFailure) -> (FileFormat, ExtractedContent) {
        if data.isEmpty { throw .emptyFile }
        let (format, content) = try extract(data: data, url: url, options: options)
        return (format, NavigationBlocks.marked(content))
    }

    /// Extracts bytes the caller read from the file at `url` into `sink` (navigation blocks
    /// marked), page by page for a PDF; returns the format and the warnings.
    package static func extract(
        data: Data, fileAt url: URL, options: ExtractionOptions = ExtractionOptions(),
        into sink: inout some ExtractedPageSink
    ) throws(ExtractionFailure) -> (FileFormat, [DocumentWarning]) {
        if data.isEmpty { throw .emptyFile }
        var marking = NavigationBlocks.MarkingSink(inner: sink)
        defer { sink = marking.inner }
        if try FormatSniffer.detect(data, fileExtension: url.pathExtension) == .pdf {
            return (.pdf, try PDFExtractor().extract(.bytes(data), head: data, options: options, into: &marking))
        }
        let (format, content) = try extract(data: data, url: url, options: options)
        content.send(as: format.documentFormat, to: &marking)
        return (format, content.warnings)
    }

    /// Extracts the PDF file at `url`, whose first bytes are `head`, into `sink`: poppler reads
    /// the file by pieces (a 100 MB document is not held in memory); returns the warnings.
    package static func extractPDF(
        fileAt url: URL, head: Data, options: ExtractionOptions = ExtractionOptions(),
        into sink: inout some ExtractedPageSink
    ) throws(ExtractionFailure) -> [DocumentWarning] {
        var marking = NavigationBlocks.MarkingSink(inner: sink)
        defer { sink = marking.inner }
        return try PDFExtractor().extract(.file(url), head: head, options: options, into: &marking)
    }

    /// Extracts the web page in the file at `url` into `sink` by pieces (`HTMLStreamExtractor`:
    /// a 200 MB page is never held whole); returns the warnings.
    package static func extractHTML(
        fileAt url: URL, into sink: inout some ExtractedPageSink
    ) throws(ExtractionFailure) -> [DocumentWarning] {
        var marking = NavigationBlocks.MarkingSink(inner: sink)
        defer { sink = marking.inner }
        return try HTMLStreamExtractor().extract(fileAt: url, into: &marking)
    }

    /// `url` names the file (its extension decides what text is) and opens a zip archive.
    private static func extract(
        data: Data, url: URL, options: ExtractionOptions
    ) throws(ExtractionFailure) -> (FileFormat, ExtractedContent) {
        let format = try FormatSniffer.detect(data, fileExtension: url.pathExtension)
        switch format {
        case .pdf:
            return (.pdf, try PDFExtractor().extract(data: data, options: options))
        case .html:
            return (.html, try HTMLExtractor().extract(data: HTMLPlainTextPage.markup(for: data) ?? data))
        case .mhtml:
            return (.mhtml, try MHTMLExtractor().extract(data: data))
        case .docx, .odt:
            return try OfficeArchiveReader.extract(fileAt: url)
        case .flatODT:
            return (.flatODT, try ODTExtractor.extractFlat([UInt8](data), name: url.lastPathComponent))
        case .text:
            return (.text, PlainTextExtractor.extract(data: data))
        case .markdown:
            return (.markdown, MarkdownExtractor.extract(data: data))
        }
    }
}
