import EnjeuxModel
import Foundation

/// Options that apply to every extractor.
package struct ExtractionOptions: Sendable, Hashable {
    /// Password for an encrypted PDF, when the corpus provides one.
    package var password: String?

    package init(password: String? = nil) {
        self.password = password
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
        if data.isEmpty { throw .emptyFile }
        let (format, content) = try extract(data: data, url: url, options: options)
        return (format, NavigationBlocks.marked(content))
    }

    /// Extracts the file at `url` into `sink` (navigation blocks marked), page by page for a PDF
    /// (a 20,000-page document is never held whole); returns the format and the warnings.
    package static func extract(
        fileAt url: URL, options: ExtractionOptions = ExtractionOptions(), into sink: inout some ExtractedPageSink
    ) throws(ExtractionFailure) -> (FileFormat, [DocumentWarning]) {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw .unreadable(detail: error.localizedDescription)
        }
        if data.isEmpty { throw .emptyFile }
        var marking = NavigationBlocks.MarkingSink(inner: sink)
        defer { sink = marking.inner }
        if try FormatSniffer.detect(data, fileExtension: url.pathExtension) == .pdf {
            let warnings = try PDFExtractor().extract(fileAt: url, head: data, options: options, into: &marking)
            return (.pdf, warnings)
        }
        let (format, content) = try extract(data: data, url: url, options: options)
        content.send(as: format.documentFormat, to: &marking)
        return (format, content.warnings)
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
