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

/// Detects a file's format from its content and runs the matching extractor.
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
        let (format, content) = try extract(data: data, fileExtension: url.pathExtension, options: options)
        return (format, NavigationBlocks.marked(content))
    }

    private static func extract(
        data: Data, fileExtension: String, options: ExtractionOptions
    ) throws(ExtractionFailure) -> (FileFormat, ExtractedContent) {
        let format = try FormatSniffer.detect(data, fileExtension: fileExtension)
        switch format {
        case .pdf:
            return (.pdf, try PDFExtractor().extract(data: data, options: options))
        case .html:
            return (.html, try HTMLExtractor().extract(data: HTMLPlainTextPage.markup(for: data) ?? data))
        case .mhtml:
            return (.mhtml, try MHTMLExtractor().extract(data: data))
        }
    }
}
