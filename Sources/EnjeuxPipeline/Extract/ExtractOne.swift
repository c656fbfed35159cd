import EnjeuxExtraction
import EnjeuxModel
import EnjeuxSupport
import Foundation

/// Extracts one file in this process: reads it, detects its format, runs the extractor
/// and wraps the result with the document's identity.
///
/// The file is read once, into memory (not mapped, so that a writer cannot change the bytes
/// under the extractor), and the document records the SHA-256 and size of exactly those
/// bytes: a file changed while it is extracted gets the hash of the text it gave. A Word or
/// OpenDocument archive is opened a second time from its path; when the file no longer has the
/// hash of the bytes read first, the extraction fails as `unreadable` (retried at the next run).
package enum ExtractOne {
    /// Version of the extraction chain, recorded in the manifest; bump it when output changes.
    package static let version = "4"

    /// `pageProgress` is told after each page read by OCR (pages done, pages to do).
    package static func run(
        url: URL, relativePath: String, password: String?,
        ocr: OCROptions = OCROptions(), pageProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) -> Result<ExtractedDocument, DocumentError> {
        do throws(ExtractionFailure) {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw .unreadable(detail: error.localizedDescription)
            }
            let sha256 = SHA256.hex(of: data)
            let byteCount = data.count
            let (format, content) = try DocumentExtractor.extract(
                data: data, fileAt: url,
                options: ExtractionOptions(password: password, ocr: ocr, pageProgress: pageProgress))
            if format == .docx || format == .odt, (try? SHA256.hex(ofFileAt: url)) != sha256 {
                throw .unreadable(detail: "the file changed while it was being read")
            }
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
