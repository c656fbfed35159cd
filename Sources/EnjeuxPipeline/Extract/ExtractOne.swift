import EnjeuxExtraction
import EnjeuxModel
import Foundation

/// Extracts one file in this process: reads it, detects its format, runs the extractor
/// and wraps the result with the document's identity.
package enum ExtractOne {
    /// Version of the extraction chain, recorded in the manifest; bump it when output changes.
    package static let version = "4"

    /// `pageProgress` is told after each page read by OCR (pages done, pages to do).
    package static func run(
        url: URL, relativePath: String, sha256: String, byteCount: Int, password: String?,
        ocr: OCROptions = OCROptions(), pageProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> Result<ExtractedDocument, DocumentError> {
        do throws(ExtractionFailure) {
            let (format, content) = try DocumentExtractor.extract(
                fileAt: url, options: ExtractionOptions(password: password, ocr: ocr, pageProgress: pageProgress))
            var withWarnings = content
            let declared = (relativePath as NSString).pathExtension.lowercased()
            let named = FileFormat(fileExtension: declared)
            if format != named, !(format == .odt && named == .flatODT), !(format == .flatODT && named == .odt) {
                withWarnings.warnings.insert(.misnamed(fileExtension: declared, contains: format.rawValue), at: 0)
            }
            return .success(
                ExtractedDocument(
                    id: DocumentID.make(relativePath: relativePath), source: relativePath, sha256: sha256,
                    byteCount: byteCount, format: format.documentFormat, content: withWarnings))
        } catch {
            return .failure(DocumentError(path: relativePath, failure: error))
        }
    }
}
